// Worker Deployments (docs/decisions.md, "Versioning after 1.0"): a worker told its deployment
// name and build id polls as that version; the server sends it tasks once the version is current.
import type { WorkerOptions } from '@temporalio/worker';
import type { VersioningBehavior } from '@temporalio/common';
import type { WorkerDeploymentVersionSetting } from '../config/worker-deployment.js';

/**
 * Repairs wait days for a person: pinned, every build would have to keep running until its last
 * repair closed. AUTO_UPGRADE moves a waiting workflow to the current build at its next task, which
 * is why changes to workflow code after 1.0 go through patched() and the replay test.
 */
export const DEFAULT_VERSIONING_BEHAVIOR: VersioningBehavior = 'AUTO_UPGRADE';

/** The Worker.create options for a versioned worker; none (an unversioned worker) when unset. */
export function workerDeploymentOptions(version: WorkerDeploymentVersionSetting | undefined): Pick<WorkerOptions, 'workerDeploymentOptions'> {
  if (!version) return {};
  return {
    workerDeploymentOptions: {
      version: { deploymentName: version.deploymentName, buildId: version.buildId },
      useWorkerVersioning: true,
      defaultVersioningBehavior: DEFAULT_VERSIONING_BEHAVIOR,
    },
  };
}

// The worker's Worker Deployment version (docs/decisions.md, "Versioning after 1.0"): a deployment
// name that stays the same across releases and a build id per release. Both or neither: one alone
// is a forgotten variable in the deploy, and a silently unversioned worker would take every task.
import { ConfigError } from './env-readers.js';

export interface WorkerDeploymentVersionSetting {
  deploymentName: string;
  buildId: string;
}

const BOTH = 'TEMPORAL_DEPLOYMENT_NAME and TEMPORAL_BUILD_ID go together';
/** The server's limit on a build id (limit.workerBuildIdSize). */
const MAX_LENGTH = 255;

function check(name: string, value: string): void {
  if (/\s/.test(value)) throw new ConfigError(name, `must not contain spaces, got "${value}"`);
  if (value.length > MAX_LENGTH) throw new ConfigError(name, `at most ${MAX_LENGTH} characters`);
}

export function readWorkerDeployment(env: NodeJS.ProcessEnv): WorkerDeploymentVersionSetting | undefined {
  const deploymentName = env.TEMPORAL_DEPLOYMENT_NAME?.trim() ?? '';
  const buildId = env.TEMPORAL_BUILD_ID?.trim() ?? '';
  if (!deploymentName && !buildId) return undefined;
  if (!buildId) throw new ConfigError('TEMPORAL_BUILD_ID', `missing: ${BOTH} (set both for a versioned worker, or neither)`);
  if (!deploymentName) throw new ConfigError('TEMPORAL_DEPLOYMENT_NAME', `missing: ${BOTH} (set both for a versioned worker, or neither)`);
  check('TEMPORAL_DEPLOYMENT_NAME', deploymentName);
  check('TEMPORAL_BUILD_ID', buildId);
  // Temporal writes a version as "<deployment>.<build id>", so the name cannot hold the dot.
  if (deploymentName.includes('.')) throw new ConfigError('TEMPORAL_DEPLOYMENT_NAME', `must not contain ".", got "${deploymentName}"`);
  if (buildId === '__unversioned__') throw new ConfigError('TEMPORAL_BUILD_ID', '"__unversioned__" is reserved by Temporal');
  return { deploymentName, buildId };
}

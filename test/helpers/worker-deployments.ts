// A rolling deploy as an operator runs it: the `temporal worker deployment` CLI of docs/deploy.md
// against the test's server, and what a workflow's history says about which build ran each task.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { findTemporalCli } from '../../dev/temporal-binaries.js';
import { eventually } from './repair-stack.js';

const run = promisify(execFile);

/** `temporal worker deployment <args>` against the test server; resolves with its output, or rejects with it. */
export async function deploymentCli(address: string, args: string[]): Promise<string> {
  const cli = findTemporalCli();
  if (!cli) throw new Error('the temporal CLI is not installed (npm install puts it in .tools/)');
  const { stdout, stderr } = await run(cli, ['worker', 'deployment', ...args, '--address', address, '--namespace', 'default'], { timeout: 30_000 });
  return `${stdout}${stderr}`;
}

/**
 * The operator's "make this build current". The server knows a version only once its workers have
 * polled, so the command is repeated until it is accepted (the first poll comes within moments).
 */
export async function setCurrentVersion(address: string, deploymentName: string, buildId: string): Promise<void> {
  let lastError = '';
  await eventually(
    async () => {
      try {
        await deploymentCli(address, ['set-current-version', '--deployment-name', deploymentName, '--build-id', buildId, '--yes']);
        return true;
      } catch (error) {
        lastError = String((error as { stderr?: string }).stderr || error);
        return false;
      }
    },
    (done) => done,
    30_000,
  ).catch((error: Error) => {
    throw new Error(`set-current-version ${deploymentName} ${buildId}: ${lastError || error.message}`);
  });
}

/** The Current Version's build id of a Worker Deployment, as the server describes it. */
export async function currentBuildId(client: Client, deploymentName: string): Promise<string | undefined> {
  const { workerDeploymentInfo } = await client.workflowService.describeWorkerDeployment({ namespace: client.options.namespace, deploymentName });
  return workerDeploymentInfo?.routingConfig?.currentDeploymentVersion?.buildId ?? undefined;
}

export interface WorkflowTaskBuild {
  buildId: string | undefined;
  behavior: 'PINNED' | 'AUTO_UPGRADE' | 'UNSPECIFIED';
}

const BEHAVIORS = { [temporal.api.enums.v1.VersioningBehavior.VERSIONING_BEHAVIOR_PINNED]: 'PINNED', [temporal.api.enums.v1.VersioningBehavior.VERSIONING_BEHAVIOR_AUTO_UPGRADE]: 'AUTO_UPGRADE' } as const;

/** For each completed workflow task of the run, in order: the build that completed it and how. */
export async function workflowTaskBuilds(handle: WorkflowHandle): Promise<WorkflowTaskBuild[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? [])
    .map((event) => event.workflowTaskCompletedEventAttributes)
    .filter((completed) => completed != null)
    .map((completed) => ({
      buildId: completed.deploymentVersion?.buildId ?? undefined,
      behavior: BEHAVIORS[completed.versioningBehavior as keyof typeof BEHAVIORS] ?? 'UNSPECIFIED',
    }));
}

/** The build the server routes the workflow to now, and its versioning behaviour. */
export async function versioningOf(handle: WorkflowHandle): Promise<WorkflowTaskBuild> {
  const info = (await handle.describe()).raw.workflowExecutionInfo?.versioningInfo;
  return { buildId: info?.deploymentVersion?.buildId ?? undefined, behavior: BEHAVIORS[info?.behavior as keyof typeof BEHAVIORS] ?? 'UNSPECIFIED' };
}

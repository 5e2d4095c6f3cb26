// The rolling-deploy drill of docs/deploy.md on the real dev server: build A is current and a
// repair waits on it for a person; build B starts and becomes current, A stops; the waiting repair
// heals on B, and the next repair starts on B. Repairs are AUTO_UPGRADE (docs/decisions.md).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { createWorker } from '../../worker.js';
import { repairWorkflowId } from '../../workflows/repair/messages.js';
import { act, errorCode, eventually, repairDetail, report, sandboxAccount, setUpMerchant, startRepairStack, workerDependencies, type RepairStack } from '../helpers/repair-stack.js';
import { currentBuildId, setCurrentVersion, versioningOf, workflowTaskBuilds } from '../helpers/worker-deployments.js';

const DEPLOYMENT = `repair-drill-${Math.random().toString(36).slice(2, 8)}`;
const BUILD_A = 'build-a-1.0.0';
const BUILD_B = 'build-b-1.0.1';

let stack: RepairStack;
let connectionB: NativeConnection | undefined;
beforeAll(async () => {
  // The stack's own worker is build A.
  stack = await startRepairStack({ env: { TEMPORAL_DEPLOYMENT_NAME: DEPLOYMENT, TEMPORAL_BUILD_ID: BUILD_A } });
});
afterAll(async () => {
  await stack?.close();
  await connectionB?.close();
});

async function startBuildB(): Promise<Worker> {
  connectionB = await NativeConnection.connect({ address: stack.config.temporal.address });
  const config = { ...stack.config, temporal: { ...stack.config.temporal, workerDeployment: { deploymentName: DEPLOYMENT, buildId: BUILD_B } } };
  const worker = await createWorker(workerDependencies(config, stack.db, stack.temporal, connectionB));
  void worker.run();
  return worker;
}

it('moves a repair waiting on build A to build B, and starts new repairs on B', async () => {
  const address = stack.config.temporal.address;
  await setCurrentVersion(address, DEPLOYMENT, BUILD_A);
  expect(await currentBuildId(stack.temporal, DEPLOYMENT)).toBe(BUILD_A);

  // A repair opened through the API while A is current waits for the owner's new password.
  const waiting = await setUpMerchant(stack, { provider: 'glovo', stores: 1 });
  await sandboxAccount(stack, 'glovo', waiting.accountRef, { password: 'fresh-pw-123' });
  const opened = await report(stack, waiting.connectionId, errorCode('glovo', 'invalid_credentials'));
  expect(opened.state).toBe('awaiting_credentials');
  const waitingHandle = stack.temporal.workflow.getHandle(repairWorkflowId(waiting.connectionId));
  const onA = await eventually(() => workflowTaskBuilds(waitingHandle), (tasks) => tasks.length > 0);
  expect(onA.every((task) => task.buildId === BUILD_A && task.behavior === 'AUTO_UPGRADE')).toBe(true);

  // Build B starts and becomes current; A is stopped (drained: nothing is pinned to it).
  const buildB = await startBuildB();
  await setCurrentVersion(address, DEPLOYMENT, BUILD_B);
  expect(await currentBuildId(stack.temporal, DEPLOYMENT)).toBe(BUILD_B);
  const buildA = stack.worker;
  stack.worker = buildB;
  buildA.shutdown();
  await eventually(async () => buildA.getState(), (state) => state === 'STOPPED');

  // The owner answers days later: build B runs the rest of the repair to healthy.
  const healed = await act(stack, opened.repairId, 'credentials', { actingUserId: waiting.owner, username: waiting.accountRef, password: 'fresh-pw-123' });
  expect(healed.body.outcome).toBe('healthy');
  await eventually(() => repairDetail(stack, opened.repairId), (d) => d.state === 'healthy');
  const afterSwitch = (await workflowTaskBuilds(waitingHandle)).slice(onA.length);
  expect(afterSwitch.length).toBeGreaterThan(0);
  expect(afterSwitch.map((task) => task.buildId)).toEqual(afterSwitch.map(() => BUILD_B));
  const closed = await waitingHandle.describe();
  expect(closed.status.name).toBe('COMPLETED');
  // What an operator's visibility query sees (docs/deploy.md): the repair ran on both builds.
  expect(closed.searchAttributes.TemporalUsedWorkerDeploymentVersions).toEqual(expect.arrayContaining([`${DEPLOYMENT}:${BUILD_A}`, `${DEPLOYMENT}:${BUILD_B}`]));

  // A repair reported now starts on B.
  const next = await setUpMerchant(stack, { provider: 'glovo', stores: 1 });
  await report(stack, next.connectionId, errorCode('glovo', 'invalid_credentials'));
  const nextHandle = stack.temporal.workflow.getHandle(repairWorkflowId(next.connectionId));
  const nextTasks = await eventually(() => workflowTaskBuilds(nextHandle), (tasks) => tasks.length > 0);
  expect(nextTasks[0]).toEqual({ buildId: BUILD_B, behavior: 'AUTO_UPGRADE' });
  expect(await versioningOf(nextHandle)).toEqual({ buildId: BUILD_B, behavior: 'AUTO_UPGRADE' });
});

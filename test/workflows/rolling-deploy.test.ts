// The rolling-deploy drill of docs/deploy.md on the real dev server: build A is current and a
// repair waits on it for a person; build B starts and becomes current, A stops; the waiting repair
// heals on B, and the next repair starts on B. Repairs are AUTO_UPGRADE (docs/decisions.md).
import { afterEach, expect, it } from 'vitest';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { createWorker } from '../../worker.js';
import { repairWorkflowId } from '../../workflows/repair/messages.js';
import { act, errorCode, eventually, repairDetail, report, sandboxAccount, setUpMerchant, startRepairStack, workerDependencies, type RepairStack } from '../helpers/repair-stack.js';
import { startWorkerProcess, type WorkerProcess } from '../helpers/stack-processes.js';
import { currentBuildId, setCurrentVersion, versioningOf, workflowTaskBuilds } from '../helpers/worker-deployments.js';

const BUILD_A = 'build-a-1.0.0';
const BUILD_B = 'build-b-1.0.1';
const deploymentName = () => `repair-drill-${Math.random().toString(36).slice(2, 8)}`;

let stack: RepairStack | undefined;
const connections: NativeConnection[] = [];
const processes: WorkerProcess[] = [];
afterEach(async () => {
  for (const started of processes.splice(0)) await started.kill();
  await stack?.close();
  for (const connection of connections.splice(0)) await connection.close();
});

/** Another build's workers on the stack's task queue, as a second deployment of the worker would run. */
async function startBuild(on: RepairStack, deployment: string, buildId: string): Promise<Worker> {
  const connection = await NativeConnection.connect({ address: on.config.temporal.address });
  connections.push(connection);
  const config = { ...on.config, temporal: { ...on.config.temporal, workerDeployment: { deploymentName: deployment, buildId } } };
  const worker = await createWorker(workerDependencies(config, on.db, on.temporal, connection));
  void worker.run();
  return worker;
}

/** One build's workers stop; the other's become the stack's worker (which the stack's close stops). */
async function stopBuild(on: RepairStack, stopped: Worker, running: Worker): Promise<void> {
  on.worker = running;
  stopped.shutdown();
  await eventually(async () => stopped.getState(), (state) => state === 'STOPPED');
}

/** A repair opened through the API, waiting for the owner's new password. */
async function waitingRepair(on: RepairStack) {
  const merchant = await setUpMerchant(on, { provider: 'glovo', stores: 1 });
  await sandboxAccount(on, 'glovo', merchant.accountRef, { password: 'fresh-pw-123' });
  const opened = await report(on, merchant.connectionId, errorCode('glovo', 'invalid_credentials'));
  expect(opened.state).toBe('awaiting_credentials');
  const handle = on.temporal.workflow.getHandle(repairWorkflowId(merchant.connectionId));
  const tasks = await eventually(() => workflowTaskBuilds(handle), (done) => done.length > 0);
  return { merchant, opened, handle, tasks };
}

/** The owner answers (days later, for the repair) and the repair heals; with the workflow tasks run since it waited. */
async function heal(on: RepairStack, repair: Awaited<ReturnType<typeof waitingRepair>>) {
  const { merchant, opened, handle } = repair;
  const healed = await act(on, opened.repairId, 'credentials', { actingUserId: merchant.owner, username: merchant.accountRef, password: 'fresh-pw-123' });
  expect(healed.body.outcome).toBe('healthy');
  await eventually(() => repairDetail(on, opened.repairId), (d) => d.state === 'healthy');
  const closed = await handle.describe();
  expect(closed.status.name).toBe('COMPLETED');
  return { closed, laterTasks: (await workflowTaskBuilds(handle)).slice(repair.tasks.length) };
}

it('moves a repair waiting on build A to build B, and starts new repairs on B', async () => {
  const deployment = deploymentName();
  // The stack's own worker is build A.
  const on = (stack = await startRepairStack({ env: { TEMPORAL_DEPLOYMENT_NAME: deployment, TEMPORAL_BUILD_ID: BUILD_A } }));
  const address = on.config.temporal.address;
  await setCurrentVersion(address, deployment, BUILD_A);
  expect(await currentBuildId(on.temporal, deployment)).toBe(BUILD_A);

  const waiting = await waitingRepair(on);
  expect(waiting.tasks.every((task) => task.buildId === BUILD_A && task.behavior === 'AUTO_UPGRADE')).toBe(true);

  // Build B starts as production starts it (`npm run start:worker`) and becomes current; A is
  // stopped (nothing is pinned to it).
  processes.push(await startWorkerProcess(on, { TEMPORAL_DEPLOYMENT_NAME: deployment, TEMPORAL_BUILD_ID: BUILD_B }));
  await setCurrentVersion(address, deployment, BUILD_B);
  expect(await currentBuildId(on.temporal, deployment)).toBe(BUILD_B);
  on.worker.shutdown();
  await eventually(async () => on.worker.getState(), (state) => state === 'STOPPED');

  const { closed, laterTasks } = await heal(on, waiting);
  expect(laterTasks.length).toBeGreaterThan(0);
  expect(laterTasks.map((task) => task.buildId)).toEqual(laterTasks.map(() => BUILD_B));
  // What an operator's visibility query sees (docs/deploy.md): the repair ran on both builds.
  expect(closed.searchAttributes.TemporalUsedWorkerDeploymentVersions).toEqual(expect.arrayContaining([`${deployment}:${BUILD_A}`, `${deployment}:${BUILD_B}`]));

  // A repair reported now starts on B.
  const next = await waitingRepair(on);
  expect(next.tasks[0]).toEqual({ buildId: BUILD_B, behavior: 'AUTO_UPGRADE' });
  expect(await versioningOf(next.handle)).toEqual({ buildId: BUILD_B, behavior: 'AUTO_UPGRADE' });
});

it('moves repairs of unversioned workers to the first versioned build made current', async () => {
  const deployment = deploymentName();
  // Before the first versioned deploy: the stack's worker is unversioned.
  const on = (stack = await startRepairStack());
  const waiting = await waitingRepair(on);
  expect(waiting.tasks.every((task) => task.buildId === undefined)).toBe(true);

  const buildA = await startBuild(on, deployment, BUILD_A);
  await setCurrentVersion(on.config.temporal.address, deployment, BUILD_A);
  await stopBuild(on, on.worker, buildA);

  const { laterTasks } = await heal(on, waiting);
  expect(laterTasks.length).toBeGreaterThan(0);
  expect(laterTasks.map((task) => task.buildId)).toEqual(laterTasks.map(() => BUILD_A));
});

it('rolls back: with A current again while its workers run, the waiting repair heals on A', async () => {
  const deployment = deploymentName();
  const on = (stack = await startRepairStack({ env: { TEMPORAL_DEPLOYMENT_NAME: deployment, TEMPORAL_BUILD_ID: BUILD_A } }));
  const address = on.config.temporal.address;
  await setCurrentVersion(address, deployment, BUILD_A);
  const buildB = await startBuild(on, deployment, BUILD_B);
  await setCurrentVersion(address, deployment, BUILD_B);
  const waiting = await waitingRepair(on);
  expect(waiting.tasks.map((task) => task.buildId)).toEqual(waiting.tasks.map(() => BUILD_B));

  // B misbehaves: A (still running) is made current again and B stops.
  await setCurrentVersion(address, deployment, BUILD_A);
  expect(await currentBuildId(on.temporal, deployment)).toBe(BUILD_A);
  await stopBuild(on, buildB, on.worker);

  const { laterTasks } = await heal(on, waiting);
  expect(laterTasks.length).toBeGreaterThan(0);
  expect(laterTasks.map((task) => task.buildId)).toEqual(laterTasks.map(() => BUILD_A));
});

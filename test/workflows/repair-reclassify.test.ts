// After a fix to the provider catalogue, operators send `reclassify` (docs/runbook.md): the repair's
// error is classified again with today's rules, and people are asked for what the new resolution needs.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordHistory } from '../helpers/histories.js';
import { startMisclassifiedRepair } from '../helpers/misclassified-repair.js';
import { eventually, report, repairDetail, setUpMerchant, startRepairStack, errorCode, type RepairStack } from '../helpers/repair-stack.js';
import { reclassifySignal, repairSnapshotQuery } from '../../workflows/repair/messages.js';

let stack: RepairStack;
beforeAll(async () => {
  stack = await startRepairStack();
});
afterAll(async () => stack?.close());

it('replaces an error classified by older rules and records why', async () => {
  const m = await setUpMerchant(stack, { provider: 'glovo', stores: 1 });
  const handle = await startMisclassifiedRepair(stack, m, 'glovo');
  await handle.signal(reclassifySignal, { reason: 'catalogue fix' });

  const snapshot = await eventually(() => handle.query(repairSnapshotQuery), (s) => s.state === 'awaiting_credentials');
  expect(snapshot.error).toMatchObject({ errorType: 'invalid_credentials', resolution: 'reconnect' });
  expect(snapshot.reportCount).toBe(1);
  const detail = await eventually(() => repairDetail(stack, snapshot.repairId), (d) => d.history.some((h) => h.kind === 'error_changed'));
  expect(detail).toMatchObject({ state: 'awaiting_credentials', errorType: 'invalid_credentials' });

  // Rules that say the same change nothing: a second signal is harmless.
  await handle.signal(reclassifySignal, { reason: 'sent twice' });
  const revision = (await handle.query(repairSnapshotQuery)).revision;
  await handle.signal(reclassifySignal, { reason: 'sent three times' });
  expect((await handle.query(repairSnapshotQuery)).revision).toBe(revision);
  await recordHistory(stack.temporal, handle.workflowId, 'reclassified');
});

it('leaves a correctly classified repair as it is', async () => {
  const m = await setUpMerchant(stack, { provider: 'rappi', stores: 1 });
  const opened = await report(stack, m.connectionId, errorCode('rappi', 'invalid_credentials'));
  const handle = stack.temporal.workflow.getHandle(opened.workflowId);
  const before = await eventually(() => handle.query(repairSnapshotQuery), (s) => s.state === 'awaiting_credentials');
  await handle.signal(reclassifySignal, { reason: 'no fix for rappi' });
  const after = await handle.query(repairSnapshotQuery);
  expect({ state: after.state, error: after.error, revision: after.revision }).toEqual({ state: before.state, error: before.error, revision: before.revision });
});

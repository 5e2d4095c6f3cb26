// Fault drill: the worker is killed with SIGKILL while pairings are in flight at a slow provider.
// A new worker takes over: every repair completes exactly once, no alert goes out twice, nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporal } from '@temporalio/proto';
import { Repair } from '../../core/db/entities/index.js';
import { repairWorkflowId } from '../../workflows/repair/messages.js';
import { startSinks, type Sinks } from '../helpers/sinks.js';
import { startWorkerProcess, type WorkerProcess } from '../helpers/stack-processes.js';
import { act, completeContacts, errorCode, eventually, repairDetail, report, sandboxAccount, setUpMerchant, startRepairStack, type MerchantSetup, type RepairStack } from '../helpers/repair-stack.js';

const MERCHANTS = 6;
let sinks: Sinks;
let stack: RepairStack;
let env: NodeJS.ProcessEnv;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  sinks = await startSinks();
  // The provider answers within the timeout, just slowly: the pairings are still running when the worker dies.
  env = { ...sinks.env, ALERT_WINDOW_MS: '200', PROVIDER_TIMEOUT_MS: '60000' };
  stack = await startRepairStack({ env });
  // Only the worker process serves the stack's task queue, so killing it stops all work.
  stack.worker.shutdown();
  await eventually(async () => stack.worker.getState(), (s) => s === 'STOPPED');
  workers.push(await startWorkerProcess(stack, env));
});
afterAll(async () => {
  for (const w of workers) await w.kill();
  await stack?.close();
  await sinks?.close();
});

/** Pairing activities a worker has started for this connection's repair and not finished. */
async function startedPairings(connectionId: string): Promise<number> {
  const description = await stack.temporal.workflow.getHandle(repairWorkflowId(connectionId)).describe();
  return (description.raw.pendingActivities ?? []).filter((a) => a.activityType?.name === 'pairWithCredentials' && a.state === temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED).length;
}

describe('worker killed mid-pairing', () => {
  it('completes every repair exactly once after a new worker takes over', async () => {
    const merchants: MerchantSetup[] = [];
    const repairIds: string[] = [];
    for (let i = 0; i < MERCHANTS; i += 1) {
      const m = await setUpMerchant(stack, { provider: 'deliveroo', stores: 1 });
      await completeContacts(stack, m.orgId, m.owner);
      await sandboxAccount(stack, 'deliveroo', m.accountRef, { password: 'new-pw-after-reset', latencyMs: 30_000 });
      merchants.push(m);
      repairIds.push((await report(stack, m.connectionId, errorCode('deliveroo', 'invalid_credentials'))).repairId);
    }
    for (const id of repairIds) await eventually(() => repairDetail(stack, id), (d) => d.state === 'awaiting_credentials');

    const answers = Promise.all(merchants.map((m, i) => act(stack, repairIds[i]!, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'new-pw-after-reset' })));
    for (const m of merchants) await eventually(() => startedPairings(m.connectionId), (n) => n === 1, 30_000);

    await workers[0]!.kill();
    // The provider is fast again; what is tested is the worker's death, not the provider's pace.
    for (const m of merchants) await sandboxAccount(stack, 'deliveroo', m.accountRef, { latencyMs: 0 });
    workers.push(await startWorkerProcess(stack, env));

    // Each merchant's submission survives the crash: the person who typed the password hears "healthy".
    expect((await answers).map((a) => [a.status, a.body.outcome])).toEqual(merchants.map(() => [200, 'healthy']));
    for (const id of repairIds) {
      const detail = await eventually(() => repairDetail(stack, id), (d) => d.state === 'healthy' && d.history.some((h) => h.kind === 'resolved'));
      expect(detail.history.filter((h) => h.kind === 'attempt' && h.outcome === 'healthy')).toHaveLength(1);
      expect(detail.history.filter((h) => h.kind === 'resolved')).toHaveLength(1);
    }

    const conn = stack.db.orm.em.fork().getConnection();
    // Every repair's "reconnected" e-mail went out: the duplicate check below has something to count.
    await eventually(
      () => conn.execute<{ n: number }[]>("select count(distinct repair_ids::text)::int as n from notifications where template = 'reconnected' and status = 'sent'"),
      (rows) => rows[0]!.n === MERCHANTS,
      60_000,
    );
    const duplicates = await conn.execute(
      `select r.repair_id, m.template, m.channel, m.recipient, count(*)::int as n
         from notifications m cross join lateral jsonb_array_elements_text(m.repair_ids) as r(repair_id)
        group by 1, 2, 3, 4 having count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
    expect(await stack.db.orm.em.fork().count(Repair, { connection: { $in: merchants.map((m) => m.connectionId) } })).toBe(MERCHANTS);
  }, 300_000);
});

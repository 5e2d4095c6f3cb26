// Two people acting on one repair at the same moment: their Updates reach the workflow together
// (both pass the validator), yet they run one after another, and the second is refused once the
// first has healed the connection, instead of pairing a second time alongside the first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeConnection } from '@temporalio/worker';
import { createWorker } from '../../worker.js';
import { ruleFor } from '../../core/providers/index.js';
import { repairWorkflowId } from '../../workflows/repair/messages.js';
import { act, eventually, repairDetail, report, sandboxAccount, setUpMerchant, startRepairStack, workerDependencies, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
beforeAll(async () => {
  stack = await startRepairStack();
});
afterAll(async () => stack?.close());

const pendingSecrets = (repairId: string) =>
  stack.db.orm.em.fork().getConnection().execute('select count(*)::int as n from pending_secrets where repair_id = ?', [repairId]) as Promise<{ n: number }[]>;

describe('people acting at the same moment', () => {
  it('pairs once: the second entry waits for the first and is refused when the repair has healed', async () => {
    const m = await setUpMerchant(stack, { provider: 'chownow', stores: 1 });
    await sandboxAccount(stack, 'chownow', m.accountRef, { password: 'fresh-pw-123' });
    // No worker: the report, then both entries, wait for the same first workflow task.
    stack.worker.shutdown();
    await eventually(async () => stack.worker.getState(), (s) => s === 'STOPPED');
    const opened = await report(stack, m.connectionId, ruleFor('chownow', 'invalid_credentials')!.code);
    const entry = { actingUserId: m.owner, username: m.accountRef, password: 'fresh-pw-123' };
    const answers = Promise.all([act(stack, opened.repairId, 'credentials', entry), act(stack, opened.repairId, 'credentials', entry)]);
    await eventually(() => pendingSecrets(opened.repairId), (rows) => rows[0]!.n === 2);
    const connection = await NativeConnection.connect({ address: stack.config.temporal.address });
    stack.worker = await createWorker(workerDependencies(stack.config, stack.db, stack.temporal, connection));
    void stack.worker.run().finally(() => connection.close());

    const [first, second] = await answers;
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect([first, second].find((a) => a.status === 200)!.body.outcome).toBe('healthy');
    const done = await eventually(() => repairDetail(stack, opened.repairId), (d) => d.state === 'healthy');
    expect(done.attempts).toBe(1);
    const events = (await stack.temporal.workflow.getHandle(repairWorkflowId(m.connectionId)).fetchHistory()).events!;
    expect(events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'pairWithCredentials')).toHaveLength(1);
  });
});

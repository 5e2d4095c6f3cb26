// Fault drill: a provider answers slower than PROVIDER_TIMEOUT_MS, or not at all. The repair keeps
// retrying with a doubling delay, no merchant is asked to fix their account, and it heals on recovery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairWorkflowId } from '../../workflows/repair/messages.js';
import { startSinks, type Sinks } from '../helpers/sinks.js';
import { completeContacts, errorCode, eventually, repairDetail, report, sandboxAccount, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let sinks: Sinks;
let stack: RepairStack;
beforeAll(async () => {
  sinks = await startSinks();
  stack = await startRepairStack({
    env: {
      ...sinks.env,
      ALERT_WINDOW_MS: '200',
      PROVIDER_TIMEOUT_MS: '500',
      REPAIR_RETRY_INITIAL_MS: '400',
      REPAIR_RETRY_MAX_MS: '1600',
      // The outage never lasts long enough to become the merchant's problem.
      REPAIR_UNAVAILABLE_GRACE_MS: '3600000',
    },
  });
});
afterAll(async () => {
  await stack?.close();
  await sinks?.close();
});

const millis = (d: { seconds?: { toString(): string } | number | null; nanos?: number | null } | null | undefined) => Number(d?.seconds ?? 0) * 1000 + (d?.nanos ?? 0) / 1e6;

async function messageTemplates(repairId: string): Promise<string[]> {
  const rows = await stack.db.orm.em.fork().getConnection().execute<{ template: string }[]>('select template from notifications where repair_ids @> ?::jsonb', [JSON.stringify([repairId])]);
  return rows.map((r) => r.template);
}

describe('a provider that times out', () => {
  it.each([
    ['answers slower than the timeout', { latencyMs: 5000 }, { latencyMs: 0 }],
    ['never answers', { failureMode: 'timeout' }, { failureMode: 'none' }],
  ])('%s: the repair backs off, asks nobody to act, and heals on recovery', async (_name, outage, recovery) => {
    const m = await setUpMerchant(stack, { provider: 'doordash', stores: 1 });
    await completeContacts(stack, m.orgId, m.owner);
    await sandboxAccount(stack, 'doordash', m.accountRef, outage);
    const { repairId } = await report(stack, m.connectionId, errorCode('doordash', 'provider_unavailable'));

    const during = await eventually(() => repairDetail(stack, repairId), (d) => d.history.filter((h) => h.kind === 'attempt').length >= 4, 30_000);
    expect(['retrying', 'verifying']).toContain(during.state);
    // Every check ran into our timeout, and none of them was taken for the merchant's fault.
    const checks = during.history.filter((h) => h.kind === 'attempt');
    expect(checks.map((h) => [h.errorType, h.errorCode])).toEqual(checks.map(() => ['provider_unavailable', 'timeout']));
    expect(during.history.map((h) => h.kind)).not.toContain('error_changed');
    // Backoff: the waits between checks double up to the maximum, as the workflow's timers record.
    const history = await stack.temporal.workflow.getHandle(repairWorkflowId(m.connectionId)).fetchHistory();
    const waits = history.events!.flatMap((e) => (e.timerStartedEventAttributes ? [millis(e.timerStartedEventAttributes.startToFireTimeout)] : []));
    expect(waits.slice(0, 4)).toEqual([400, 800, 1600, 1600]);

    await sandboxAccount(stack, 'doordash', m.accountRef, recovery);
    const healed = await eventually(() => repairDetail(stack, repairId), (d) => d.state === 'healthy', 30_000);
    expect(healed.history.filter((h) => h.kind === 'attempt').at(-1)?.outcome).toBe('healthy');
    // The alert path works (the merchant hears it is fixed), yet nobody was ever told to act.
    await eventually(() => messageTemplates(repairId), (t) => t.includes('reconnected'));
    expect((await repairDetail(stack, repairId)).notifications.map((n) => n.kind)).not.toContain('action_needed');
    expect((await messageTemplates(repairId)).filter((t) => t.startsWith('action_needed'))).toEqual([]);
  });
});

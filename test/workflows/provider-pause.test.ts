// While a provider is degraded, the pairings asking it pause (Temporal's activity pause, on the real
// dev server) and resume, with fresh attempts, when it recovers; the person's action then completes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporal } from '@temporalio/proto';
import { setProviderActivitiesPaused } from '../../activities/provider-pause.js';
import { act, errorCode, eventually, report, sandboxAccount, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
beforeAll(async () => {
  // The sandbox holds a `timeout` account's requests for 30 s: the pairing stays in flight meanwhile.
  stack = await startRepairStack({ env: { PROVIDER_TIMEOUT_MS: '60000' } });
});
afterAll(async () => stack?.close());

describe('a degraded provider', () => {
  it('pauses the pairing in flight and resumes it on recovery', async () => {
    const m = await setUpMerchant(stack, { provider: 'uber_eats' });
    const opened = await report(stack, m.connectionId, errorCode('uber_eats', 'invalid_credentials'));
    await sandboxAccount(stack, 'uber_eats', m.accountRef, { password: 'right-pw', failureMode: 'timeout' });
    const acting = act(stack, opened.repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'right-pw' });

    const deps = { orm: stack.db.orm, temporal: stack.temporal, namespace: stack.config.temporal.namespace };
    const pairing = async () => (await stack.temporal.workflow.getHandle(opened.workflowId).describe()).raw.pendingActivities?.find((a) => a.activityType?.name === 'pairWithCredentials');
    await eventually(pairing, (p) => p !== undefined);
    await eventually(async () => (await stack.db.orm.em.fork().getConnection().execute<{ state: string }[]>('select state from repairs where id = ?', [opened.repairId]))[0]?.state, (s) => s === 'verifying');

    expect(await setProviderActivitiesPaused(deps, 'uber_eats', true)).toBe(1);
    expect((await pairing())?.paused).toBe(true);
    // Paused already: a second call changes nothing.
    expect(await setProviderActivitiesPaused(deps, 'uber_eats', true)).toBe(0);
    // The attempt in flight learns of it at its next heartbeat and stops: no retry is scheduled while paused.
    await eventually(pairing, (p) => p?.state === temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_PAUSED, 25_000);

    await sandboxAccount(stack, 'uber_eats', m.accountRef, { failureMode: 'none' });
    expect(await setProviderActivitiesPaused(deps, 'uber_eats', false)).toBe(1);
    const answered = await acting;
    expect(answered.status).toBe(200);
    expect(answered.body.outcome).toBe('healthy');
  }, 120_000);
});

// Reminders, deferral and escalation on the real default timings (hours and days), made fast by
// the time-skipping test server.
import { describe, expect, it } from 'vitest';
import { useTimeSkippingStack } from '../helpers/time-skipping-stack.js';
import { ruleFor } from '../../core/providers/index.js';
import { act, eventually, repairDetail, report, setUpMerchant } from '../helpers/repair-stack.js';

const { env, stack } = useTimeSkippingStack();

const HOUR = 3600_000;
const kinds = async (repairId: string) => (await repairDetail(stack(), repairId)).notifications.map((n) => n.kind);

describe('when nobody acts', () => {
  it('reminds after 2 hours, escalates to emergency contacts after a day and to support after three', async () => {
    const m = await setUpMerchant(stack(), { provider: 'yogiyo' });
    const opened = await report(stack(), m.connectionId, ruleFor('yogiyo', 'invalid_credentials')!.code);
    await eventually(() => kinds(opened.repairId), (k) => k.length === 1 && k[0] === 'action_needed');

    await env().sleep(HOUR);
    expect(await kinds(opened.repairId)).toEqual(['action_needed']);
    await env().sleep(1.5 * HOUR);
    await eventually(() => kinds(opened.repairId), (k) => k.includes('reminder'));

    await env().sleep(22 * HOUR);
    const escalated = await eventually(() => repairDetail(stack(), opened.repairId), (d) => d.escalation === 'emergency');
    expect(escalated.notifications.map((n) => n.kind)).toContain('escalated_emergency');

    await env().sleep(48 * HOUR);
    const support = await eventually(() => repairDetail(stack(), opened.repairId), (d) => d.escalation === 'support');
    expect(support.notifications.map((n) => n.kind)).toContain('escalated_support');
    expect(support.reminderCount).toBeGreaterThanOrEqual(2);
  });
});

describe('"I\'ll do it later"', () => {
  it('reminds when the deferral ends, not before', async () => {
    const m = await setUpMerchant(stack(), { provider: 'jahez' });
    const opened = await report(stack(), m.connectionId, ruleFor('jahez', 'invalid_store_config', 'store_inactive')!.code);
    expect((await act(stack(), opened.repairId, 'defer', { actingUserId: m.owner })).body.outcome).toBe('deferred');
    await env().sleep(3 * HOUR);
    expect(await kinds(opened.repairId)).not.toContain('reminder');
    await env().sleep(1.5 * HOUR);
    await eventually(() => kinds(opened.repairId), (k) => k.includes('reminder'));
  });
});

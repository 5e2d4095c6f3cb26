// Answers to alerts on the real default timings, made fast by the time-skipping server: "I'm on it"
// records who and when and holds the escalation for the quiet period; "remind me later" moves the
// next reminder to an hour from now.
import { describe, expect, it } from 'vitest';
import { useTimeSkippingStack } from '../helpers/time-skipping-stack.js';
import { ruleFor } from '../../core/providers/index.js';
import { acknowledgeUpdate, remindLaterUpdate, repairWorkflowId } from '../../workflows/repair/messages.js';
import { RepairAcknowledgedBy } from '../../workflows/repair/search-attributes.js';
import { completeContacts, eventually, repairDetail, report, setUpMerchant } from '../helpers/repair-stack.js';
import { recordHistory } from '../helpers/histories.js';

const { env, stack } = useTimeSkippingStack();

const HOUR = 3600_000;
const kinds = async (repairId: string) => (await repairDetail(stack(), repairId)).notifications.map((n) => n.kind);

describe('"I\'m on it"', () => {
  it('records who and when, tells the others, and holds the emergency escalation for the quiet period', async () => {
    const m = await setUpMerchant(stack(), { provider: 'yogiyo' });
    await completeContacts(stack(), m.orgId, m.owner);
    const opened = await report(stack(), m.connectionId, ruleFor('yogiyo', 'invalid_credentials')!.code);
    await eventually(() => kinds(opened.repairId), (k) => k.includes('action_needed'));
    await env().sleep(23 * HOUR);

    const handle = stack().temporal.workflow.getHandle(repairWorkflowId(m.connectionId));
    const answer = await handle.executeUpdate(acknowledgeUpdate, { args: [{ by: 'Lola', via: 'sms', phone: '+34600000001' }] });
    expect(answer).toMatchObject({ acknowledged: true, acknowledgedBy: 'Lola' });
    // A second answer does not take it over: it hears who has it.
    expect(await handle.executeUpdate(acknowledgeUpdate, { args: [{ by: 'Marco', via: 'sms' }] })).toMatchObject({ acknowledged: false, acknowledgedBy: 'Lola' });

    const detail = await eventually(() => repairDetail(stack(), opened.repairId), (d) => (d as unknown as { acknowledgedBy: string | null }).acknowledgedBy === 'Lola');
    expect((detail as unknown as { acknowledgedAt: string }).acknowledgedAt).toBe(answer.acknowledgedAt);
    expect(detail.history.map((h) => h.kind)).toContain('acknowledged');
    await eventually(() => kinds(opened.repairId), (k) => k.includes('acknowledged'));
    expect((await handle.describe()).typedSearchAttributes.get(RepairAcknowledgedBy)).toBe('Lola');

    // Due at 24 h, held until 4 h after the acknowledgement (27 h).
    await env().sleep(2 * HOUR);
    expect((await repairDetail(stack(), opened.repairId)).escalation).toBe('none');
    await env().sleep(2.5 * HOUR);
    await eventually(() => repairDetail(stack(), opened.repairId), (d) => d.escalation === 'emergency');
    await recordHistory(stack().temporal, handle.workflowId, 'acknowledged-then-escalated');
  });

  it('refuses an answer without a name before anything is written', async () => {
    const m = await setUpMerchant(stack(), { provider: 'yogiyo' });
    await report(stack(), m.connectionId, ruleFor('yogiyo', 'invalid_credentials')!.code);
    const handle = stack().temporal.workflow.getHandle(repairWorkflowId(m.connectionId));
    const refused = await handle.executeUpdate(acknowledgeUpdate, { args: [{ by: ' ', via: 'sms' }] }).catch((error: Error) => error);
    expect((refused as Error & { cause?: Error }).cause?.message).toMatch(/by must be/);
  });
});

describe('"remind me in an hour"', () => {
  it('reminds an hour after the answer, not at the usual two hours', async () => {
    const m = await setUpMerchant(stack(), { provider: 'jahez' });
    const opened = await report(stack(), m.connectionId, ruleFor('jahez', 'invalid_store_config', 'store_inactive')!.code);
    await eventually(() => repairDetail(stack(), opened.repairId), (d) => d.history.length > 0);
    const handle = stack().temporal.workflow.getHandle(repairWorkflowId(m.connectionId));
    await handle.executeUpdate(remindLaterUpdate, { args: [{ by: '+34600000002', via: 'sms' }] });
    await env().sleep(0.5 * HOUR);
    expect(await kinds(opened.repairId)).not.toContain('reminder');
    await env().sleep(0.75 * HOUR);
    await eventually(() => kinds(opened.repairId), (k) => k.includes('reminder'));
    await recordHistory(stack().temporal, handle.workflowId, 'remind-later');
  });
});

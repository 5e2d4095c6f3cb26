// The emergency call on the real default timings, made fast by the time-skipping server: an
// emergency escalation nobody acknowledges calls the emergency contact once, REPAIR_CALL_AFTER_MS
// (15 min) after it; one acknowledged before then calls nobody. The call goes through the real
// twilio client into the SMS sink.
import { describe, expect, it } from 'vitest';
import { useTimeSkippingStack } from '../helpers/time-skipping-stack.js';
import { startSinks } from '../helpers/sinks.js';
import { useStarted } from '../helpers/lifecycle.js';
import { ruleFor } from '../../core/providers/index.js';
import { acknowledgeUpdate, repairWorkflowId } from '../../workflows/repair/messages.js';
import { completeContacts, eventually, repairDetail, report, setUpMerchant } from '../helpers/repair-stack.js';

const sinks = useStarted(startSinks);
const { env, stack } = useTimeSkippingStack(() => sinks().env);

const HOUR = 3600_000;
const MINUTE = 60_000;
const callsTo = (phone: string) => sinks().calls.filter((c) => c.to === phone);

async function escalatedRepair(provider: string, phone: string) {
  const m = await setUpMerchant(stack(), { provider, locale: 'fr' });
  await completeContacts(stack(), m.orgId, m.owner, { emergencyPhone: phone });
  const opened = await report(stack(), m.connectionId, ruleFor(provider, 'invalid_credentials')!.code);
  await eventually(() => repairDetail(stack(), opened.repairId), (d) => d.history.length > 0);
  await env().sleep(24 * HOUR + MINUTE);
  await eventually(() => repairDetail(stack(), opened.repairId), (d) => d.escalation === 'emergency');
  return { ...m, repairId: opened.repairId, handle: stack().temporal.workflow.getHandle(repairWorkflowId(m.connectionId)) };
}

describe('an emergency escalation nobody acknowledges', () => {
  it('calls the emergency contact once, 15 minutes after it, in the organization\'s language', async () => {
    const phone = '+33600000901';
    const r = await escalatedRepair('yogiyo', phone);
    await env().sleep(10 * MINUTE);
    expect(callsTo(phone)).toHaveLength(0);
    await env().sleep(6 * MINUTE);
    const [call] = await eventually(async () => callsTo(phone), (c) => c.length === 1);
    expect(call!.twiml).toMatch(/<Gather numDigits="1" action="http:\/\/localhost:3000\/v1\/webhooks\/twilio\/calls\/gather\?attempt=1" method="POST"/);
    expect(call!.twiml).toContain('<Say language="fr-FR">');
    expect(call!.twiml).toContain('Appuyez sur 1');
    const detail = await eventually(() => repairDetail(stack(), r.repairId), (d) => d.history.some((h) => h.kind === 'called'));
    expect(detail.escalation).toBe('emergency');

    // Nobody answers: no second call, whatever the time (support's escalation still comes at 72 h).
    await env().sleep(6 * HOUR);
    expect(callsTo(phone)).toHaveLength(1);
  });

  it('calls nobody when someone acknowledged the escalation first', async () => {
    const phone = '+33600000902';
    const r = await escalatedRepair('yogiyo', phone);
    await env().sleep(5 * MINUTE);
    await r.handle.executeUpdate(acknowledgeUpdate, { args: [{ by: 'Lola', via: 'sms' }] });
    await env().sleep(6 * HOUR);
    expect(callsTo(phone)).toHaveLength(0);
    expect((await repairDetail(stack(), r.repairId)).history.map((h) => h.kind)).not.toContain('called');
  });
});

// The emergency call end to end over real sockets: the escalation nobody acknowledged calls the
// emergency contact through the real twilio client into the SMS sink; the sink's "Press 1" sends
// Twilio's signed gather and status callbacks to the listening API, and the repair records who took
// it. Forged callbacks are refused; other keys replay the alert once, then the call ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTwilioRequest } from '../../activities/channels/twilio-signature.js';
import type { RecordedCall } from '../../dev/sinks/sms-calls.js';
import { createAlertingMerchant } from '../helpers/alerting-merchant.js';
import { startSinks, TEST_TWILIO, type Sinks } from '../helpers/sinks.js';
import { errorCode, eventually, repairDetail, report, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let sinks: Sinks;
let stack: RepairStack;
beforeAll(async () => {
  sinks = await startSinks();
  // Escalation after 1.5 s and the call 1 s later: the same timers as the defaults' 24 h and 15 min.
  const env = { ...sinks.env, ALERT_WINDOW_MS: '500', REPAIR_ESCALATE_EMERGENCY_MS: '1500', REPAIR_CALL_AFTER_MS: '1000', TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid, TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken };
  stack = await startRepairStack({ listen: true, env });
});
afterAll(async () => {
  await stack?.close();
  await sinks?.close();
});

type Detail = { acknowledgedBy: string | null; escalation: string; messages: { channel: string; status: string; recipient?: string }[] };
const detailOf = async (repairId: string) => (await repairDetail(stack, repairId)) as unknown as Detail;
const url = (path: string) => `${stack.config.publicUrl}/v1/webhooks/twilio/calls/${path}`;
async function signedPost(path: string, params: Record<string, string>, token = TEST_TWILIO.authToken) {
  return fetch(url(path), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(token, url(path), params) }, body: new URLSearchParams(params).toString() });
}

async function calledRepair(name: string, phone: string): Promise<{ repairId: string; call: RecordedCall }> {
  const m = await createAlertingMerchant(stack, { name, phone: `${phone.slice(0, -1)}9`, email: `${phone.slice(1)}@example.com`, emergencyPhone: phone });
  const opened = await report(stack, m.connections[0]!, errorCode('deliveroo', 'invalid_credentials'));
  const [call] = await eventually(async () => sinks.calls.filter((c) => c.to === phone), (l) => l.length === 1, 30_000);
  return { repairId: opened.repairId, call: call! };
}

describe('the emergency call', () => {
  it('"Press 1" in the sink acknowledges the repair as the emergency contact, thanks them, and logs the call completed', async () => {
    const { repairId, call } = await calledRepair('Casa Llamada', '+34600000811');
    expect(call.twiml).toContain('Press 1 if you are on it.');
    const res = await fetch(`${sinks.env.TWILIO_API_BASE_URL}/api/calls/${call.sid}/press`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ digit: '1' }) });
    const press = (await res.json()) as { answer: number; twiml: string };
    expect(press.answer).toBe(200);
    expect(press.twiml).toContain('<Say language="en-GB">Thank you. The others will know you are on it. Goodbye.</Say><Hangup/>');
    const detail = await eventually(() => detailOf(repairId), (d) => d.acknowledgedBy !== null);
    expect(detail.acknowledgedBy).toBe('Pager');
    await eventually(() => detailOf(repairId), (d) => d.messages.some((x) => x.channel === 'call' && x.status === 'delivered'));
  });

  it('refuses forged callbacks with 401 problem+json and acts on nothing', async () => {
    const { repairId, call } = await calledRepair('Casa Falsa', '+34600000821');
    const forged = await signedPost('gather?attempt=1', { CallSid: call.sid, Digits: '1' }, 'not-the-auth-token');
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toMatch(/problem\+json/);
    // Signed for another URL (the query is part of what Twilio signs).
    const moved = await fetch(url('gather?attempt=2'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TEST_TWILIO.authToken, url('gather?attempt=1'), { CallSid: call.sid, Digits: '1' }) }, body: `CallSid=${call.sid}&Digits=1` });
    expect(moved.status).toBe(401);
    expect((await signedPost('status', { CallSid: call.sid, CallStatus: 'completed' }, 'nope')).status).toBe(401);
    const detail = await detailOf(repairId);
    expect(detail.acknowledgedBy).toBeNull();
    expect(detail.messages.find((x) => x.channel === 'call')!.status).toBe('sent');
  });

  it('plays the alert once more after another key, then hangs up; an unanswered call is logged failed and the repair stays escalated', async () => {
    const { repairId, call } = await calledRepair('Casa Sorda', '+34600000831');
    const again = await signedPost('gather?attempt=1', { CallSid: call.sid, Digits: '5' });
    expect(await again.text()).toContain('action="http://127.0.0.1:');
    const last = await (await signedPost('gather?attempt=2', { CallSid: call.sid, Digits: '9' })).text();
    expect(last).toMatch(/<Say language="en-GB">We will keep alerting your team\. Goodbye\.<\/Say><Hangup\/>/);
    expect((await signedPost('status', { CallSid: call.sid, CallStatus: 'no-answer' })).status).toBe(204);
    const detail = await eventually(() => detailOf(repairId), (d) => d.messages.some((x) => x.channel === 'call' && x.status === 'failed'));
    expect(detail.escalation).toBe('emergency');
    expect(detail.acknowledgedBy).toBeNull();
  });

  it('names the field of a malformed callback (422)', async () => {
    const bad = await signedPost('gather?attempt=1', { CallSid: 'CA-nope', Digits: '1' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { name: string }[] }).errors[0]!.name).toBe('body.CallSid');
    const digits = await signedPost('gather?attempt=1', { CallSid: `CA${'0'.repeat(32)}`, Digits: '12' });
    expect(((await digits.json()) as { errors: { name: string }[] }).errors[0]!.name).toBe('body.Digits');
  });
});

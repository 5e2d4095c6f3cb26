// Replies to alert SMS, end to end over real sockets: the real twilio client sends the alert into
// the SMS sink, the sink replies as the phone (Twilio's signed inbound request) to the listening
// API, the repair records who took it, and the others are told. A forged request is refused.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTwilioRequest } from '../../activities/channels/twilio-signature.js';
import { createAlertingMerchant } from '../helpers/alerting-merchant.js';
import { startSinks, TEST_TWILIO, type Sinks } from '../helpers/sinks.js';
import { errorCode, eventually, repairDetail, report, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let sinks: Sinks;
let stack: RepairStack;
beforeAll(async () => {
  sinks = await startSinks();
  stack = await startRepairStack({ listen: true, env: { ...sinks.env, ALERT_WINDOW_MS: '500', TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid, TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken } });
});
afterAll(async () => {
  await stack?.close();
  await sinks?.close();
});

const smsTo = (phone: string) => sinks.sms.filter((s) => s.to === phone);
const inboundUrl = () => `${stack.config.publicUrl}/v1/webhooks/twilio/inbound`;
async function replyFromSink(sid: string, body: string) {
  const res = await fetch(`${sinks.env.TWILIO_API_BASE_URL}/api/messages/${sid}/reply`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body }) });
  return (await res.json()) as { answer: number | string; answerText: string | null };
}
/** A signed inbound request as Twilio sends it; each reply has a MessageSid of its own unless one is given. */
async function signedPost(fields: Record<string, string>, token = TEST_TWILIO.authToken) {
  const params = { MessageSid: `SM${randomBytes(16).toString('hex')}`, ...fields };
  return fetch(inboundUrl(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(token, inboundUrl(), params) }, body: new URLSearchParams(params).toString() });
}

describe('a reply to an alert SMS', () => {
  it('"1" from the sink acknowledges the repair, answers in TwiML, and tells the store phone who took it', async () => {
    const m = await createAlertingMerchant(stack, { name: 'Casa Respuesta', phone: '+34600000711', email: 'respuesta@example.com', storePhone: '+34600000712' });
    const opened = await report(stack, m.connections[0]!, errorCode('deliveroo', 'invalid_credentials'));
    const [alert] = await eventually(async () => smsTo('+34600000711'), (l) => l.length === 1, 30_000);
    await eventually(async () => smsTo('+34600000712'), (l) => l.length === 1);

    const answered = await replyFromSink(alert!.sid, '1');
    expect(answered.answer).toBe(200);
    expect(answered.answerText).toMatch(/^Thanks, \+34600000711: the Deliveroo repair is yours\. Reminders pause for 4 hours\./);
    const detail = await eventually(() => repairDetail(stack, opened.repairId), (d) => (d as unknown as { acknowledgedBy: string | null }).acknowledgedBy !== null);
    expect((detail as unknown as { acknowledgedBy: string }).acknowledgedBy).toBe('+34600000711');
    const told = await eventually(async () => smsTo('+34600000712'), (l) => l.length === 2, 30_000);
    expect(told[0]!.body).toContain('+34600000711 is on the Deliveroo repair');
    // The person who answered is not told that they did.
    expect(smsTo('+34600000711')).toHaveLength(1);

    expect((await replyFromSink(alert!.sid, 'ok')).answerText).toMatch(/is already on the Deliveroo repair/);
    expect((await replyFromSink(alert!.sid, 'what?')).answerText).toMatch(/^Sorry, we did not understand\. Reply 1 or OK/);
  });

  it('refuses a forged request with 401 problem+json and acts on nothing', async () => {
    const res = await signedPost({ From: '+34600000711', Body: '1' }, 'not-the-auth-token');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    const unsigned = await fetch(inboundUrl(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'From=%2B34600000711&Body=1' });
    expect(unsigned.status).toBe(401);
  });

  it('names the field of a malformed reply (422), and takes a WhatsApp reply as the same number', async () => {
    const bad = await signedPost({ From: 'nobody', Body: '1' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { name: string }[] }).errors[0]!.name).toBe('body.From');
    const link = await signedPost({ From: 'whatsapp:+34600000711', Body: 'LINK' });
    expect(link.status).toBe(200);
    expect(await link.text()).toMatch(/<Response><Message>Deliveroo repair: http:\/\/127\.0\.0\.1:\d+\/r\/[a-z0-9]{12}<\/Message><\/Response>/);
  });

  it('acts on a signed reply once: the same request again (a replay, or Twilio retrying) answers nothing and sends no new link', async () => {
    const once = { From: '+34600000711', Body: 'LINK', MessageSid: `SM${randomBytes(16).toString('hex')}` };
    const first = await signedPost(once);
    expect(await first.text()).toMatch(/<Message>Deliveroo repair: http:\/\/127\.0\.0\.1:\d+\/r\/[a-z0-9]{12}<\/Message>/);
    const again = await signedPost(once);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const without = await signedPost({ From: '+34600000711', Body: 'LINK', MessageSid: '' });
    expect(without.status).toBe(422);
    expect(((await without.json()) as { errors: { name: string }[] }).errors[0]!.name).toBe('body.MessageSid');
  });

  it('STOP keeps SMS from the number (logged suppressed) until START', async () => {
    const m = await createAlertingMerchant(stack, { name: 'Casa Stop', phone: '+34600000721', email: 'stop@example.com', stores: 2 });
    const stop = await signedPost({ From: '+34600000721', Body: 'Stop' });
    expect(await stop.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const opened = await report(stack, m.connections[0]!, errorCode('deliveroo', 'invalid_credentials'));
    const detail = await eventually(() => repairDetail(stack, opened.repairId), (d) => (d as unknown as { messages: { channel: string; status: string }[] }).messages.some((x) => x.channel === 'sms'), 30_000);
    const messages = (detail as unknown as { messages: { channel: string; status: string }[] }).messages;
    expect(messages.find((x) => x.channel === 'sms')!.status).toBe('suppressed');
    // The same person still hears by e-mail.
    expect(messages.find((x) => x.channel === 'email')).toBeDefined();
    expect(smsTo('+34600000721')).toHaveLength(0);

    await signedPost({ From: '+34600000721', Body: 'START' });
    await report(stack, m.connections[1]!, errorCode('deliveroo', 'invalid_credentials'));
    await eventually(async () => smsTo('+34600000721'), (l) => l.length === 1, 30_000);
  });
});

// The SMS sink's calls: the real twilio client places a call there (calls.create with our TwiML),
// the page shows it apart from the messages with what it says, and its "Press 1" form sends the
// signed <Gather> callback (Digits=1) and then the signed status "completed", as Twilio would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioCallSender } from '../../activities/channels/call-sender.js';
import { alertCallTwiml } from '../../core/services/alert-answers/call-twiml.js';
import { buildSmsSink, type SmsSink } from '../../dev/sinks/sms-sink.js';
import { eventually, startCallbackReceiver, type CallbackReceiver } from './callback-receiver.js';

const ACCOUNT = { accountSid: `AC${'6'.repeat(32)}`, authToken: 'sink-calls-token' };

let sink: SmsSink;
let base: string;
let gather: CallbackReceiver;
let status: CallbackReceiver;
beforeAll(async () => {
  sink = buildSmsSink({ ...ACCOUNT, callbackDelayMs: 20 });
  base = await sink.app.listen({ port: 0, host: '127.0.0.1' });
  gather = await startCallbackReceiver(ACCOUNT.authToken, '/v1/webhooks/twilio/calls/gather?attempt=1');
  status = await startCallbackReceiver(ACCOUNT.authToken, '/v1/webhooks/twilio/calls/status');
});
afterAll(async () => {
  await sink?.app.close();
  await gather?.close();
  await status?.close();
});

describe('calls in the SMS sink', () => {
  it('records a call from the real twilio client, shows it apart, and "Press 1" sends the signed callbacks', async () => {
    const sender = createTwilioCallSender({ ...ACCOUNT, from: '+15005550006', apiBaseUrl: base, publicUrl: new URL(status.url).origin });
    const twiml = alertCallTwiml({ locale: 'es', text: 'Hola, pulse 1 si se encarga.', publicUrl: new URL(gather.url).origin });
    const receipt = await sender.call({ to: '+34600111333', twiml });
    expect(receipt.providerId).toMatch(/^CA[0-9a-f]{32}$/);
    expect(sink.calls).toHaveLength(1);
    expect(sink.calls[0]!.twiml).toContain('<Say language="es-ES">Hola, pulse 1 si se encarga.</Say>');

    const page = await (await fetch(base)).text();
    expect(page.indexOf('<h2>Calls</h2>')).toBeGreaterThan(-1);
    expect(page.indexOf('<h2>Calls</h2>')).toBeLessThan(page.indexOf('<section id="sms"'));
    expect(page).toContain('+34600111333');
    expect(page).toContain('<button>Press 1</button>');

    const pressed = await fetch(`${base}/calls/${receipt.providerId}/press`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Digits=1', redirect: 'manual' });
    expect(pressed.status).toBe(303);
    const [digit] = await eventually(() => gather.received, (r) => r.length === 1);
    expect(digit).toMatchObject({ valid: true, params: { CallSid: receipt.providerId, Digits: '1', To: '+34600111333' } });
    const [done] = await eventually(() => status.received, (r) => r.length === 1);
    expect(done).toMatchObject({ valid: true, params: { CallSid: receipt.providerId, CallStatus: 'completed' } });
    expect(sink.calls[0]!.status).toBe('completed');
  });
});

// The real twilio client, sending through the real SMS sink on 127.0.0.1; the status callbacks
// come back signed and the product's check (verifyTwilioSignature) accepts them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioSmsSender, SmsSendError, type TwilioSettings } from '../../activities/channels/sms-sender.js';
import { buildSmsSink, type SmsSink } from '../../dev/sinks/sms-sink.js';
import { freePort } from '../../dev/ports.js';
import { eventually, startCallbackReceiver, type CallbackReceiver } from '../sinks/callback-receiver.js';

const ACCOUNT = { accountSid: `AC${'7'.repeat(32)}`, authToken: 'channel-test-auth-token-9f8e7d' };

let sink: SmsSink;
let receiver: CallbackReceiver;
let settings: TwilioSettings;
beforeAll(async () => {
  sink = buildSmsSink({ ...ACCOUNT, callbackDelayMs: 20 });
  const apiBaseUrl = await sink.app.listen({ port: 0, host: '127.0.0.1' });
  receiver = await startCallbackReceiver(ACCOUNT.authToken);
  settings = { ...ACCOUNT, from: '+15005550006', apiBaseUrl, statusCallbackUrl: receiver.url };
});
afterAll(async () => {
  await sink?.app.close();
  await receiver?.close();
});

async function failure(promise: Promise<unknown>): Promise<SmsSendError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmsSendError);
  return error as SmsSendError;
}

describe('createTwilioSmsSender', () => {
  it('sends through Twilio’s client and gets the message sid back', async () => {
    const receipt = await createTwilioSmsSender(settings).send({ to: '+33612345678', body: 'Pâtisserie Élodie : Uber Eats est déconnecté. Réparer : https://repair.example.com/r/x' });
    expect(receipt.providerId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(receipt.status).toBe('queued');
    const recorded = sink.messages.find((m) => m.sid === receipt.providerId)!;
    expect(recorded).toMatchObject({ to: '+33612345678', from: '+15005550006', body: 'Pâtisserie Élodie : Uber Eats est déconnecté. Réparer : https://repair.example.com/r/x', statusCallback: receiver.url });
  });

  it('receives signed delivery reports that verify, and a forged one that does not', async () => {
    const { providerId } = await createTwilioSmsSender(settings).send({ to: '+351912345678', body: 'Reparar agora: https://repair.example.com/r/y' });
    const callbacks = await eventually(() => receiver.received.filter((c) => c.params.MessageSid === providerId), (list) => list.length === 2);
    expect(callbacks.map((c) => [c.params.MessageStatus, c.valid])).toEqual([
      ['sent', true],
      ['delivered', true],
    ]);
    // Someone who does not know the auth token posts the same report.
    const forged = await fetch(receiver.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'bm90IGEgcmVhbCBzaWduYXR1cmU=' },
      body: new URLSearchParams(callbacks[1]!.params).toString(),
    });
    expect(forged.status).toBe(204);
    expect(receiver.received.at(-1)).toMatchObject({ params: callbacks[1]!.params, valid: false });
    // The real signature on altered content fails too.
    const altered = await fetch(receiver.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': callbacks[0]!.signature! },
      body: new URLSearchParams({ ...callbacks[0]!.params, MessageStatus: 'delivered' }).toString(),
    });
    expect(altered.status).toBe(204);
    expect(receiver.received.at(-1)!.valid).toBe(false);
  });

  it('surfaces Twilio’s error code for an invalid number, never the auth token', async () => {
    const error = await failure(createTwilioSmsSender(settings).send({ to: '+1 555', body: 'x' }));
    expect(error.twilioCode).toBe(21211);
    expect(error.httpStatus).toBe(400);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('21211');
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(ACCOUNT.authToken);
  });

  it('reports bad credentials as Twilio does (20003), not retryable', async () => {
    const error = await failure(createTwilioSmsSender({ ...settings, authToken: 'wrong-token' }).send({ to: '+34600111222', body: 'x' }));
    expect(error.twilioCode).toBe(20003);
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain('wrong-token');
  });

  it('marks an unreachable API as retryable', async () => {
    const closedPort = await freePort();
    const error = await failure(createTwilioSmsSender({ ...settings, apiBaseUrl: `http://127.0.0.1:${closedPort}`, timeoutMs: 2_000 }).send({ to: '+34600111222', body: 'x' }));
    expect(error.retryable).toBe(true);
    expect(error.twilioCode).toBeUndefined();
    expect(error.message).toMatch(/Twilio unreachable/);
    expect(error.message).not.toContain(ACCOUNT.authToken);
  });
});

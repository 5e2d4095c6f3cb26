// Which refusals are final and which are worth waiting for, as the real senders meet them: the
// Twilio client against the SMS sink (refusals and outages), the printer sender against a
// malformed address and a closed port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundPolicy, parseOutboundAllow } from '../../activities/outbound/outbound-policy.js';
import { channelFailure } from '../../activities/channels/channel-errors.js';
import { sendToPrinter } from '../../activities/channels/printer-sender.js';
import { createTwilioSmsSender, type TwilioSettings } from '../../activities/channels/sms-sender.js';
import { freePort } from '../../dev/ports.js';
import { buildSmsSink, type SmsSink } from '../../dev/sinks/sms-sink.js';

const ACCOUNT = { accountSid: `AC${'8'.repeat(32)}`, authToken: 'channel-failure-auth-token' };
let sink: SmsSink;
let settings: TwilioSettings;
beforeAll(async () => {
  sink = buildSmsSink({ ...ACCOUNT, callbackDelayMs: 20 });
  settings = { ...ACCOUNT, from: '+15005550006', apiBaseUrl: await sink.app.listen({ port: 0, host: '127.0.0.1' }) };
});
afterAll(async () => sink?.app.close());

const rejection = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);

describe('SMS refusals', () => {
  it.each([21614, 21211, 21610] as const)('Twilio error %i is final, with a reason that names only the code', async (code) => {
    const to = `+3460000${code}`;
    sink.behaviour.refuse.set(to, code);
    const failure = channelFailure(await rejection(createTwilioSmsSender(settings).send({ to, body: 'x' })), 'sms');
    expect(failure).toEqual({ final: true, reason: `refused for good by the SMS provider (code ${code})` });
  });

  it.each([429, 500, 502, 503])('HTTP %i is temporary', async (status) => {
    sink.behaviour.outageStatus = status;
    try {
      const failure = channelFailure(await rejection(createTwilioSmsSender(settings).send({ to: '+34600000001', body: 'x' })), 'sms');
      expect(failure).toEqual({ final: false, reason: `the SMS provider is unavailable for now (HTTP ${status})` });
    } finally {
      sink.behaviour.outageStatus = null;
    }
  });

  it('a wrong Twilio credential (401) is final, and its reason carries no secret', async () => {
    const failure = channelFailure(await rejection(createTwilioSmsSender({ ...settings, authToken: 'wrong-token-123' }).send({ to: '+34600000001', body: 'x' })), 'sms');
    expect(failure).toEqual({ final: true, reason: 'refused for good by the SMS provider (code 20003)' });
  });

  it('Twilio unreachable is temporary', async () => {
    const failure = channelFailure(await rejection(createTwilioSmsSender({ ...settings, apiBaseUrl: `http://127.0.0.1:${await freePort()}` }).send({ to: '+34600000001', body: 'x' })), 'sms');
    expect(failure.final).toBe(false);
  });
});

describe('printer refusals', () => {
  it('a malformed address is final; a printer that is off is temporary', async () => {
    expect(channelFailure(await rejection(sendToPrinter('not a printer:99999', new Uint8Array([1]))), 'ticket')).toEqual({ final: true, reason: 'not a printer address' });
    const off = channelFailure(await rejection(sendToPrinter(`127.0.0.1:${await freePort()}`, new Uint8Array([1]), { outbound: new OutboundPolicy(parseOutboundAllow('127.0.0.1')) })), 'ticket');
    expect(off).toEqual({ final: false, reason: 'the printer is unavailable for now (ECONNREFUSED)' });
  });
});

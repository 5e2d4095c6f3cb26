// The SMS sink at the HTTP level: Twilio's API contract (auth, 201 resource, error codes), the
// signed status callbacks, and the pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmsSink, type SmsSink } from '../../dev/sinks/sms-sink.js';
import { signTwilioRequest } from '../../activities/channels/twilio-signature.js';
import { eventually, startCallbackReceiver, type CallbackReceiver } from './callback-receiver.js';

const ACCOUNT = { accountSid: `AC${'5'.repeat(32)}`, authToken: 'sink-test-token' };
const auth = `Basic ${Buffer.from(`${ACCOUNT.accountSid}:${ACCOUNT.authToken}`).toString('base64')}`;

let sink: SmsSink;
let base: string;
let receiver: CallbackReceiver;
beforeAll(async () => {
  sink = buildSmsSink({ ...ACCOUNT, callbackDelayMs: 20 });
  base = await sink.app.listen({ port: 0, host: '127.0.0.1' });
  receiver = await startCallbackReceiver(ACCOUNT.authToken);
});
afterAll(async () => {
  await sink?.app.close();
  await receiver?.close();
});

const send = (form: Record<string, string>, authorization = auth) =>
  fetch(`${base}/2010-04-01/Accounts/${ACCOUNT.accountSid}/Messages.json`, { method: 'POST', headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

describe('the Twilio Messages API', () => {
  it('refuses requests without the account credentials', async () => {
    const res = await send({ To: '+34600111222', From: '+15005550006', Body: 'hi' }, `Basic ${Buffer.from(`${ACCOUNT.accountSid}:wrong`).toString('base64')}`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 20003, status: 401 });
  });

  it('answers 201 with a queued message resource', async () => {
    const res = await send({ To: '+34600111222', From: '+15005550006', Body: 'Olá, São João' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ account_sid: ACCOUNT.accountSid, to: '+34600111222', from: '+15005550006', body: 'Olá, São João', status: 'queued', direction: 'outbound-api', num_segments: '1', api_version: '2010-04-01' });
    expect(body.sid).toMatch(/^SM[0-9a-f]{32}$/);
    const fetched = await fetch(`${base}/2010-04-01/Accounts/${ACCOUNT.accountSid}/Messages/${String(body.sid)}.json`, { headers: { authorization: auth } });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toMatchObject({ sid: body.sid });
  });

  it('answers like Twilio for an invalid number, a missing body or sender', async () => {
    const invalid = await send({ To: '612 34', From: '+15005550006', Body: 'x' });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ code: 21211, message: "Invalid 'To' Phone Number: 612 34", more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 });
    expect(await (await send({ To: '+34600111222', From: '+15005550006', Body: ' ' })).json()).toMatchObject({ code: 21602 });
    expect(await (await send({ To: '+34600111222', Body: 'x' })).json()).toMatchObject({ code: 21603 });
  });

  it('reports sent then delivered to StatusCallback, signed as Twilio signs', async () => {
    const res = await send({ To: '+39 340 1234567'.replaceAll(' ', ''), From: '+15005550006', Body: 'Ripara ora', StatusCallback: receiver.url });
    const { sid } = (await res.json()) as { sid: string };
    const mine = await eventually(() => receiver.received.filter((c) => c.params.MessageSid === sid), (list) => list.length === 2);
    expect(mine.map((c) => c.params.MessageStatus)).toEqual(['sent', 'delivered']);
    expect(mine.every((c) => c.valid)).toBe(true);
    expect(mine[1]!.params).toEqual({ AccountSid: ACCOUNT.accountSid, ApiVersion: '2010-04-01', From: '+15005550006', MessageSid: sid, MessageStatus: 'delivered', SmsSid: sid, SmsStatus: 'delivered', To: '+393401234567' });
    expect(mine[1]!.signature).toBe(signTwilioRequest(ACCOUNT.authToken, receiver.url, mine[1]!.params));
    const recorded = await eventually(() => sink.messages.find((m) => m.sid === sid)!, (m) => m.callbacks.length === 2);
    expect(recorded.status).toBe('delivered');
    expect(recorded.callbacks.map((c) => c.answer)).toEqual([204, 204]);
  });

  it('fails numbers ending in 0000', async () => {
    const { sid } = (await (await send({ To: '+34600000000', From: '+15005550006', Body: 'x', StatusCallback: receiver.url })).json()) as { sid: string };
    const [failed] = await eventually(() => receiver.received.filter((c) => c.params.MessageSid === sid), (list) => list.length === 1);
    expect(failed!.params).toMatchObject({ MessageStatus: 'failed', ErrorCode: '30003' });
    expect(failed!.valid).toBe(true);
  });
});

describe('the pages', () => {
  it('list messages newest first as JSON, and clear them', async () => {
    await send({ To: '+34600111001', From: '+15005550006', Body: 'first' });
    await send({ To: '+34600111002', From: '+15005550006', Body: 'second <b>' });
    const list = (await (await fetch(`${base}/api/messages`)).json()) as { body: string }[];
    expect(list[0]!.body).toBe('second <b>');
    expect(list[1]!.body).toBe('first');
  });

  it('show an HTML page that refreshes itself and escapes bodies', async () => {
    const res = await fetch(`${base}/`);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<meta http-equiv="refresh"');
    expect(html).toContain('second &lt;b&gt;');
    expect(html.indexOf('second &lt;b&gt;')).toBeLessThan(html.indexOf('>first<'));
  });

  it('forget everything on DELETE', async () => {
    expect((await fetch(`${base}/api/messages`, { method: 'DELETE' })).status).toBe(200);
    expect(await (await fetch(`${base}/api/messages`)).json()).toEqual([]);
    expect(await (await fetch(`${base}/`)).text()).toContain('No SMS yet.');
  });
});

describe('segments', () => {
  it('counts GSM-7 and UCS-2 parts as Twilio does', async () => {
    const cases: [string, string, number][] = [['a'.repeat(160), 'GSM-7', 1], ['a'.repeat(161), 'GSM-7', 2], ['€'.repeat(80), 'GSM-7', 1], ['São João', 'UCS-2', 1], ['ç'.repeat(71), 'UCS-2', 2]];
    for (const [text, encoding, segments] of cases) {
      const { sid, num_segments } = (await (await send({ To: '+34600111222', From: '+15005550006', Body: text })).json()) as { sid: string; num_segments: string };
      expect(num_segments).toBe(String(segments));
      const recorded = (await (await fetch(`${base}/api/messages`)).json()) as { sid: string; encoding: string; segments: number }[];
      expect(recorded.find((m) => m.sid === sid)).toMatchObject({ encoding, segments });
    }
  });
});

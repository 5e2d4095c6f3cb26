// A local stand-in for Twilio's Messages API: records every SMS, shows them on a page, and calls
// the status callback (sent, then delivered) signed exactly as Twilio signs it.
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { signTwilioRequest } from '../channels/twilio-signature.js';
import { escapeHtml, sinkPage } from './sink-page.js';

export interface RecordedSms {
  sid: string;
  to: string;
  from: string;
  body: string;
  status: string;
  createdAt: string;
}

const E164 = /^\+[1-9]\d{6,14}$/;

export function buildSmsSink(options: { accountSid: string; authToken: string; callbackDelayMs?: number }): { app: FastifyInstance; messages: RecordedSms[] } {
  const app = Fastify({ logger: false });
  const messages: RecordedSms[] = [];
  void app.register(formbody);

  /** Twilio posts each status change to the callback URL, signed with the account's auth token. */
  async function report(url: string, sms: RecordedSms, status: string) {
    sms.status = status;
    const params = { MessageSid: sms.sid, SmsSid: sms.sid, MessageStatus: status, SmsStatus: status, To: sms.to, From: sms.from, AccountSid: options.accountSid };
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(options.authToken, url, params) },
      body: new URLSearchParams(params).toString(),
    }).catch(() => undefined);
  }

  app.post<{ Params: { sid: string }; Body: Record<string, string> }>('/2010-04-01/Accounts/:sid/Messages.json', async (request, reply) => {
    const expected = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
    if (request.params.sid !== options.accountSid || request.headers.authorization !== expected) {
      return reply.code(401).send({ code: 20003, message: 'Authenticate', status: 401 });
    }
    const { To: to = '', From: from = '', Body: body = '', StatusCallback: callback } = request.body ?? {};
    if (!E164.test(to)) return reply.code(400).send({ code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 });
    const sms: RecordedSms = { sid: `SM${randomBytes(16).toString('hex')}`, to, from, body, status: 'queued', createdAt: new Date().toISOString() };
    messages.unshift(sms);
    if (callback) {
      // A number ending in 0000 simulates a handset that never receives it.
      const final = to.endsWith('0000') ? 'failed' : 'delivered';
      setTimeout(() => void report(callback, sms, 'sent').then(() => report(callback, sms, final)), options.callbackDelayMs ?? 200).unref();
    }
    return reply.code(201).send({ sid: sms.sid, account_sid: options.accountSid, to, from, body, status: 'queued', date_created: new Date().toUTCString(), num_segments: '1', direction: 'outbound-api', api_version: '2010-04-01', uri: `/2010-04-01/Accounts/${options.accountSid}/Messages/${sms.sid}.json` });
  });

  app.get('/api/messages', async () => messages);
  app.delete('/api/messages', async () => {
    messages.length = 0;
    return { cleared: true };
  });
  app.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(
      sinkPage(
        'SMS sink',
        messages.length === 0
          ? '<p>No SMS yet.</p>'
          : `<table><thead><tr><th scope="col">When</th><th scope="col">To</th><th scope="col">Message</th><th scope="col">Status</th></tr></thead><tbody>${messages
              .map((m) => `<tr><td>${escapeHtml(m.createdAt)}</td><td>${escapeHtml(m.to)}</td><td>${escapeHtml(m.body)}</td><td>${escapeHtml(m.status)}</td></tr>`)
              .join('')}</tbody></table>`,
      ),
    ),
  );
  return { app, messages };
}

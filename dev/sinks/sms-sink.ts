// A local stand-in for Twilio's Messages API: the real twilio client sends to it (see
// channels/twilio-request-client.ts), it answers like Twilio, keeps the messages in memory, shows
// them on a page and reports delivery to StatusCallback, signed exactly as Twilio signs.
// A number ending in 0000 simulates a handset that cannot be reached: its status ends "failed".
// Drills can also make it refuse a number as Twilio does (a landline: 400 with error 21614) or
// answer every send with an outage (503), through `behaviour` or PUT /api/behaviour.
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { SegmentedMessage } from 'sms-segments-calculator';
import { postStatusCallback, type CallbackAttempt } from './status-callbacks.js';
import { escapeHtml, sinkPage } from './sink-page.js';
import { registerReplies, type SmsReply } from './sms-replies.js';
import { callsSection, registerCalls, type RecordedCall } from './sms-calls.js';

export interface RecordedSms {
  sid: string;
  to: string;
  from: string;
  body: string;
  /** queued → sent → delivered, or failed for numbers ending in 0000. */
  status: string;
  segments: number;
  encoding: string;
  statusCallback: string | null;
  callbacks: CallbackAttempt[];
  createdAt: string;
}

export interface SmsSinkOptions {
  accountSid: string;
  authToken: string;
  /** Pause before each status change; 200 ms unless told. */
  callbackDelayMs?: number;
  /** Oldest messages are dropped past this many; 1000 unless told. */
  maxMessages?: number;
  /** Our number's inbound webhook (replies); unset: beside each message's status callback. */
  inboundUrl?: string;
}

/** What Twilio refuses, and why: the sink answers these exactly as Twilio would. */
export const TWILIO_REFUSALS = {
  21211: "Invalid 'To' Phone Number",
  21610: 'Attempt to send to unsubscribed recipient',
  21614: "'To' number is not a valid mobile number",
} as const;
export type TwilioRefusalCode = keyof typeof TWILIO_REFUSALS;

export interface SmsSinkBehaviour {
  /** Numbers Twilio refuses for good (landline, unsubscribed, invalid), with Twilio's error code. */
  refuse: Map<string, TwilioRefusalCode>;
  /** Set: every send is answered with this HTTP status (503, 429, …), as during a Twilio outage. */
  outageStatus: number | null;
}

export interface SmsSink {
  app: FastifyInstance;
  /** Newest first. */
  messages: RecordedSms[];
  behaviour: SmsSinkBehaviour;
  /** Sends the sink answered with an error (refusal or outage), newest first. */
  refused: { to: string; status: number; code: number; at: string }[];
  /** Replies sent from the sink's page or API to the product's inbound webhook, newest first. */
  replies: SmsReply[];
  /** Voice calls placed through the Calls API (the emergency call), newest first. */
  calls: RecordedCall[];
}

const API = '/2010-04-01/Accounts/:sid';
const E164 = /^\+[1-9]\d{6,14}$/;
export const FAILING_NUMBER_SUFFIX = '0000';

type TwilioError = { code: number; message: string; more_info: string; status: number };
const twilioError = (status: number, code: number, message: string): TwilioError => ({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

function messageResource(accountSid: string, sms: RecordedSms) {
  const uri = `/2010-04-01/Accounts/${accountSid}/Messages/${sms.sid}.json`;
  const date = new Date(sms.createdAt).toUTCString();
  return {
    sid: sms.sid,
    account_sid: accountSid,
    api_version: '2010-04-01',
    to: sms.to,
    from: sms.from,
    body: sms.body,
    status: sms.status,
    direction: 'outbound-api',
    num_segments: String(sms.segments),
    num_media: '0',
    price: null,
    price_unit: 'USD',
    error_code: sms.status === 'failed' ? 30003 : null,
    error_message: sms.status === 'failed' ? 'Unreachable destination handset' : null,
    messaging_service_sid: null,
    date_created: date,
    date_updated: date,
    date_sent: null,
    uri,
    subresource_uris: { media: uri.replace(/\.json$/, '/Media.json') },
  };
}

export function buildSmsSink(options: SmsSinkOptions): SmsSink {
  const app = Fastify({ logger: false });
  const messages: RecordedSms[] = [];
  const behaviour: SmsSinkBehaviour = { refuse: new Map(), outageStatus: null };
  const refused: SmsSink['refused'] = [];
  const replies: SmsReply[] = [];
  const calls: RecordedCall[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const delay = options.callbackDelayMs ?? 200;
  const expectedAuth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  void app.register(formbody);

  const authorized = (request: FastifyRequest<{ Params: { sid: string } }>, reply: FastifyReply) => {
    if (request.params.sid === options.accountSid && request.headers.authorization === expectedAuth) return true;
    void reply.code(401).send(twilioError(401, 20003, 'Authentication Error - invalid username'));
    return false;
  };

  const later = (fn: () => Promise<void>) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void fn();
    }, delay);
    timers.add(timer);
  };

  /** sent then delivered (or failed), each after a short pause, reported if asked. */
  function progress(sms: RecordedSms, statuses: string[]) {
    const [status, ...rest] = statuses;
    if (!status) return;
    later(async () => {
      sms.status = status;
      if (sms.statusCallback) {
        const params: Record<string, string> = { AccountSid: options.accountSid, ApiVersion: '2010-04-01', From: sms.from, MessageSid: sms.sid, MessageStatus: status, SmsSid: sms.sid, SmsStatus: status, To: sms.to };
        if (status === 'failed') params.ErrorCode = '30003';
        sms.callbacks.push(await postStatusCallback({ url: sms.statusCallback, authToken: options.authToken, params }));
      }
      progress(sms, rest);
    });
  }

  app.post<{ Params: { sid: string }; Body: Record<string, string> | undefined }>(`${API}/Messages.json`, async (request, reply) => {
    if (!authorized(request, reply)) return reply;
    const { To: to = '', From: from = '', MessagingServiceSid: service, Body: body = '', StatusCallback: statusCallback } = request.body ?? {};
    if (!E164.test(to)) return reply.code(400).send(twilioError(400, 21211, `Invalid 'To' Phone Number: ${to}`));
    const refusal = behaviour.refuse.get(to);
    const answer = behaviour.outageStatus !== null ? twilioError(behaviour.outageStatus, 20500, 'Service unavailable') : refusal ? twilioError(400, refusal, `${TWILIO_REFUSALS[refusal]}: ${to}`) : null;
    if (answer) {
      refused.unshift({ to, status: answer.status, code: answer.code, at: new Date().toISOString() });
      return reply.code(answer.status).send(answer);
    }
    if (!from && !service) return reply.code(400).send(twilioError(400, 21603, "A 'From' phone number is required."));
    if (!body.trim()) return reply.code(400).send(twilioError(400, 21602, 'Message body is required.'));
    // Counted by Twilio's own calculator, so num_segments is what Twilio would report (and bill).
    const { segmentsCount: segments, encodingName: encoding } = new SegmentedMessage(body);
    const sms: RecordedSms = { sid: `SM${randomBytes(16).toString('hex')}`, to, from: from || (service ?? ''), body, status: 'queued', segments, encoding, statusCallback: statusCallback || null, callbacks: [], createdAt: new Date().toISOString() };
    messages.unshift(sms);
    messages.length = Math.min(messages.length, options.maxMessages ?? 1000);
    progress(sms, to.endsWith(FAILING_NUMBER_SUFFIX) ? ['failed'] : ['sent', 'delivered']);
    return reply.code(201).send(messageResource(options.accountSid, sms));
  });

  app.get<{ Params: { sid: string; file: string } }>(`${API}/Messages/:file`, async (request, reply) => {
    if (!authorized(request, reply)) return reply;
    const sms = messages.find((m) => `${m.sid}.json` === request.params.file);
    if (!sms) return reply.code(404).send(twilioError(404, 20404, `The requested resource ${request.url} was not found`));
    return messageResource(options.accountSid, sms);
  });

  app.put<{ Body: { refuse?: Record<string, TwilioRefusalCode>; outageStatus?: number | null } | undefined }>('/api/behaviour', async (request) => {
    const body = request.body ?? {};
    if (body.refuse) {
      behaviour.refuse.clear();
      for (const [number, code] of Object.entries(body.refuse)) if (code in TWILIO_REFUSALS) behaviour.refuse.set(number, code);
    }
    if (body.outageStatus !== undefined) behaviour.outageStatus = body.outageStatus;
    return { refuse: Object.fromEntries(behaviour.refuse), outageStatus: behaviour.outageStatus };
  });
  app.get('/api/messages', async () => messages);
  app.delete('/api/messages', async () => {
    messages.length = 0;
    return { cleared: true };
  });
  registerReplies(app, options, messages, replies);
  registerCalls(app, options, authorized, calls);
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(smsPage(messages, replies, calls)));
  app.addHook('onClose', async () => timers.forEach((t) => clearTimeout(t)));
  return { app, messages, behaviour, refused, replies, calls };
}

function replyCell(m: RecordedSms, replies: SmsReply[]): string {
  const sent = replies.filter((r) => r.inReplyTo === m.sid).map((r) => `<p>↩ ${escapeHtml(r.body)} → ${escapeHtml(String(r.answer))}${r.answerText ? `<br><small>${escapeHtml(r.answerText)}</small>` : ''}</p>`).join('');
  return `${sent}<form method="post" action="/messages/${escapeHtml(m.sid)}/reply"><input name="Body" size="6" aria-label="Reply to ${escapeHtml(m.sid)}" value="1"><button>Reply</button></form>`;
}

function smsRow(m: RecordedSms, replies: SmsReply[]): string {
  const callbacks = m.callbacks.map((c) => `${escapeHtml(c.status)} → ${escapeHtml(String(c.answer))}`).join('<br>') || (m.statusCallback ? 'pending' : 'none requested');
  return `<tr><td>${escapeHtml(m.createdAt)}</td><td>${escapeHtml(m.to)}<br><small>from ${escapeHtml(m.from)}</small></td><td><pre>${escapeHtml(m.body)}</pre><small>${m.body.length} characters · ${m.segments} ${m.encoding} segment(s)</small></td><td class="status-${escapeHtml(m.status)}">${escapeHtml(m.status)}</td><td><small>${callbacks}</small></td><td>${replyCell(m, replies)}</td></tr>`;
}

function smsPage(messages: RecordedSms[], replies: SmsReply[], calls: RecordedCall[]): string {
  const body =
    messages.length === 0
      ? '<p>No SMS yet.</p>'
      : `<table><thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Message</th><th scope="col">Status</th><th scope="col">Status callbacks</th><th scope="col">Reply as the phone</th></tr></thead><tbody>${messages.map((m) => smsRow(m, replies)).join('')}</tbody></table>`;
  return sinkPage('SMS sink', `Twilio-compatible API for local development. JSON at /api/messages and /api/calls. Numbers ending in ${FAILING_NUMBER_SUFFIX} fail.`, `${callsSection(calls)}<h2>Messages</h2>${body}`);
}

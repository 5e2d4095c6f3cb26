// A local stand-in for Twilio's Messages API: the real twilio client sends to it (see
// channels/twilio-request-client.ts), it answers like Twilio, keeps the messages in memory, shows
// them on a page and reports delivery to StatusCallback, signed exactly as Twilio signs.
// WhatsApp (`whatsapp:+…` addresses) goes through the same API: a template send (ContentSid and
// ContentVariables) is rendered from the repo's copy; it reports sent, delivered and read.
// A number ending in 0000 simulates a handset that cannot be reached: its status ends "failed".
// Drills can also make it refuse a number as Twilio does (a landline: 400 with error 21614) or
// answer every send with an outage (503), through `behaviour` or PUT /api/behaviour.
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { SegmentedMessage } from 'sms-segments-calculator';
import { postStatusCallback, type CallbackAttempt } from './status-callbacks.js';
import { smsSinkPage } from './sms-sink-page.js';
import { twilioError, whatsappBody, type TwilioErrorBody } from './whatsapp-content.js';
import { registerReplies, type SmsReply } from './sms-replies.js';
import { registerCalls, type RecordedCall } from './sms-calls.js';

export interface RecordedSms {
  sid: string;
  /** From the `To` address: `whatsapp:+…` is WhatsApp, shown apart on the page. */
  channel: 'sms' | 'whatsapp';
  /** WhatsApp template sends: the Content SID and the template's friendly name. */
  contentSid: string | null;
  template: string | null;
  to: string;
  from: string;
  body: string;
  /** queued → sent → delivered (→ read on WhatsApp), or failed for numbers ending in 0000. */
  status: string;
  segments: number;
  encoding: string;
  statusCallback: string | null;
  callbacks: CallbackAttempt[];
  /** Set when the message failed after acceptance (Twilio's ErrorCode). */
  errorCode: number | null;
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

const WHATSAPP = 'whatsapp:';
/** Why a message failed after acceptance: an unreachable handset, a number not on WhatsApp, free text outside a WhatsApp session. */
const FAILURE_CODES = { unreachable: 30003, notOnWhatsApp: 63003, outsideSession: 63016 } as const;
const FAILURE_MESSAGES: Record<number, string> = { 30003: 'Unreachable destination handset', 63003: 'Channel could not find To address', 63016: 'Failed to send freeform message because you are outside the allowed window' };

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
    num_segments: String(sms.channel === 'whatsapp' ? 1 : sms.segments),
    num_media: '0',
    price: null,
    price_unit: 'USD',
    error_code: sms.errorCode,
    error_message: sms.errorCode ? (FAILURE_MESSAGES[sms.errorCode] ?? null) : null,
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
      if (sms.statusCallback) sms.callbacks.push(await postStatusCallback({ url: sms.statusCallback, authToken: options.authToken, params: callbackParams(options.accountSid, sms) }));
      progress(sms, rest);
    });
  }

  app.post<{ Params: { sid: string }; Body: Record<string, string> | undefined }>(`${API}/Messages.json`, async (request, reply) => {
    if (!authorized(request, reply)) return reply;
    const form = request.body ?? {};
    const to = form.To ?? '';
    const refusal = behaviour.refuse.get(to);
    const answer = behaviour.outageStatus !== null ? twilioError(behaviour.outageStatus, 20500, 'Service unavailable') : refusal ? twilioError(400, refusal, `${TWILIO_REFUSALS[refusal]}: ${to}`) : null;
    if (answer && E164.test(to.replace(WHATSAPP, ''))) {
      refused.unshift({ to, status: answer.status, code: answer.code, at: new Date().toISOString() });
      return reply.code(answer.status).send(answer);
    }
    const accepted = acceptMessage(form);
    if ('error' in accepted) return reply.code(accepted.error.status).send(accepted.error);
    const sms = accepted.message;
    messages.unshift(sms);
    messages.length = Math.min(messages.length, options.maxMessages ?? 1000);
    progress(sms, sms.errorCode ? ['failed'] : sms.channel === 'whatsapp' ? ['sent', 'delivered', 'read'] : ['sent', 'delivered']);
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
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(smsSinkPage({ messages, replies, calls, failingSuffix: FAILING_NUMBER_SUFFIX })));
  app.addHook('onClose', async () => timers.forEach((t) => clearTimeout(t)));
  return { app, messages, behaviour, refused, replies, calls };
}

/** What Twilio posts to StatusCallback for a status change (WhatsApp adds its channel fields). */
function callbackParams(accountSid: string, sms: RecordedSms): Record<string, string> {
  const params: Record<string, string> = { AccountSid: accountSid, ApiVersion: '2010-04-01', From: sms.from, MessageSid: sms.sid, MessageStatus: sms.status, SmsSid: sms.sid, SmsStatus: sms.status, To: sms.to };
  if (sms.channel === 'whatsapp') Object.assign(params, { ChannelPrefix: 'whatsapp', ChannelToAddress: sms.to.replace(WHATSAPP, '') });
  if (sms.status === 'failed' && sms.errorCode) params.ErrorCode = String(sms.errorCode);
  return params;
}

/** A send Twilio would accept, as the sink records it; or the 400 Twilio would answer. */
function acceptMessage(form: Record<string, string>): { message: RecordedSms } | { error: TwilioErrorBody } {
  const { To: to = '', From: from = '', MessagingServiceSid: service, StatusCallback: statusCallback, ContentSid: contentSid } = form;
  const whatsapp = to.startsWith(WHATSAPP);
  const number = whatsapp ? to.slice(WHATSAPP.length) : to;
  if (!E164.test(number)) return { error: twilioError(400, 21211, `Invalid 'To' Phone Number: ${to}`) };
  if (!from && !service) return { error: twilioError(400, 21603, "A 'From' phone number is required.") };
  if (whatsapp && !service && !from.startsWith(WHATSAPP)) return { error: twilioError(400, 63007, `Twilio could not find a Channel with the specified From address: ${from}`) };
  const content = contentSid ? whatsappBody(contentSid, form.ContentVariables) : { body: form.Body ?? '', template: null };
  if ('error' in content) return content;
  if (!content.body.trim()) return { error: twilioError(400, 21602, 'Message body is required.') };
  // Counted by Twilio's own calculator, so num_segments is what Twilio would report (and bill).
  const { segmentsCount: segments, encodingName: encoding } = new SegmentedMessage(content.body);
  // A WhatsApp message the business starts without an approved template is refused by WhatsApp, after acceptance.
  const errorCode = number.endsWith(FAILING_NUMBER_SUFFIX) ? (whatsapp ? FAILURE_CODES.notOnWhatsApp : FAILURE_CODES.unreachable) : whatsapp && !contentSid ? FAILURE_CODES.outsideSession : null;
  return {
    message: {
      sid: `SM${randomBytes(16).toString('hex')}`, channel: whatsapp ? 'whatsapp' : 'sms', contentSid: contentSid || null, template: content.template,
      to, from: from || (service ?? ''), body: content.body, status: 'queued', segments, encoding, statusCallback: statusCallback || null, callbacks: [], errorCode, createdAt: new Date().toISOString(),
    },
  };
}

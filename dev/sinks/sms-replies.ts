// Replying to a message the SMS sink holds, as the phone that got it would: the sink sends the
// signed inbound request Twilio would send (From = that phone) to the product's inbound webhook and
// keeps the TwiML answer, so the demo shows the whole loop (alert → "1" → "Thanks…").
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { postTwilioSigned, unescapeXml } from './twilio-signed-post.js';
import type { RecordedSms } from './sms-sink.js';

export interface SmsReply {
  /** The message replied to. */
  inReplyTo: string;
  from: string;
  body: string;
  /** The HTTP status the webhook answered, or the network error. */
  answer: number | string;
  /** What the product answered in <Message>, if anything. */
  answerText: string | null;
  at: string;
}

/** Twilio's inbound webhook for our number: configured per number; here, beside the status callback. */
export const inboundUrlOf = (sms: RecordedSms, configured?: string) => configured ?? (sms.statusCallback ? new URL('/v1/webhooks/twilio/inbound', sms.statusCallback).toString() : null);

export async function sendReply(options: { accountSid: string; authToken: string; inboundUrl?: string }, sms: RecordedSms, body: string): Promise<SmsReply> {
  const at = new Date().toISOString();
  const url = inboundUrlOf(sms, options.inboundUrl);
  const base = { inReplyTo: sms.sid, from: sms.to, body, at };
  if (!url) return { ...base, answer: 'no inbound webhook known for this message', answerText: null };
  const params: Record<string, string> = { AccountSid: options.accountSid, ApiVersion: '2010-04-01', Body: body, From: sms.to, MessageSid: `SM${randomBytes(16).toString('hex')}`, NumMedia: '0', SmsSid: '', To: sms.from };
  params.SmsSid = params.MessageSid!;
  const { answer, text } = await postTwilioSigned(options.authToken, url, params);
  const message = text === null ? undefined : /<Message>([\s\S]*?)<\/Message>/.exec(text)?.[1];
  return { ...base, answer, answerText: message === undefined ? null : unescapeXml(message) };
}

/** POST /api/messages/:sid/reply (JSON `{ body }`) and the page's form (POST /messages/:sid/reply). */
export function registerReplies(app: FastifyInstance, options: { accountSid: string; authToken: string; inboundUrl?: string }, messages: RecordedSms[], replies: SmsReply[]): void {
  const reply = async (sid: string, body: unknown) => {
    const sms = messages.find((m) => m.sid === sid);
    if (!sms || typeof body !== 'string' || body.trim() === '') return null;
    const sent = await sendReply(options, sms, body);
    replies.unshift(sent);
    return sent;
  };
  app.post<{ Params: { sid: string }; Body: { body?: unknown } | undefined }>('/api/messages/:sid/reply', async (request, res) => {
    const sent = await reply(request.params.sid, request.body?.body);
    return sent ?? res.code(404).send({ error: 'no such message, or an empty body' });
  });
  app.post<{ Params: { sid: string }; Body: { Body?: unknown } | undefined }>('/messages/:sid/reply', async (request, res) => {
    await reply(request.params.sid, request.body?.Body);
    return res.redirect('/', 303);
  });
  app.get('/api/replies', async () => replies);
}

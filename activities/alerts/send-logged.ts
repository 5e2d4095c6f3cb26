// Sends one message and logs it in the delivery log, once per idempotency key (activities may be
// retried). The stored copy has its sign-in tokens blanked once sent: the log is no key to an account.
// A refusal that cannot change (a landline, an unsubscribed number) is recorded failed at once; a
// temporary one leaves the message queued with its reason, for the retried activity to send.
import { ApplicationFailure, log } from '@temporalio/activity';
import type { EntityManager } from '@mikro-orm/postgresql';
import { channelFailure } from '../channels/channel-errors.js';
import { Notification, type NotificationRow } from '../../core/db/entities/index.js';
import { newId } from '../../core/db/ids.js';
import { redactLinkTokens } from '../../core/secrets/redact-link-tokens.js';
import type { WorkerCounters } from '../../core/metrics/worker-counters.js';
import type { RenderedAlert } from './alert-channels.js';

export interface LoggedMessage {
  org: string;
  repairIds: string[];
  channel: 'email' | 'sms' | 'whatsapp' | 'ticket' | 'call';
  recipient: string;
  template: string;
  locale: string;
}

export function withoutLinkTokens(content: RenderedAlert): RenderedAlert {
  return {
    ...content,
    text: redactLinkTokens(content.text),
    ...(content.html ? { html: redactLinkTokens(content.html) } : {}),
    ...(content.whatsapp ? { whatsapp: { ...content.whatsapp, variables: Object.fromEntries(Object.entries(content.whatsapp.variables).map(([n, v]) => [n, redactLinkTokens(v)])) } } : {}),
  };
}

/** A number that texted STOP: the message is logged suppressed, never sent (the same people get the e-mail). */
export const OPTED_OUT_REASON = 'opted out (STOP): no SMS until the number texts START';

/**
 * `send` sends now; `{ heldUntil }` keeps the message (whole, as it must be sent later) until then;
 * `{ optedOut }` logs it suppressed.
 * Alerts pass the worker's counters (`metrics`); an invitation is no alert and is not counted.
 */
export async function sendLogged(em: EntityManager, key: string, row: LoggedMessage, content: RenderedAlert, send: (() => Promise<{ providerId: string }>) | { heldUntil: Date } | { optedOut: true }, metrics?: WorkerCounters): Promise<NotificationRow> {
  const existing = await em.findOne(Notification, { idempotencyKey: key });
  if (existing && existing.status !== 'queued') return existing;
  const held = 'heldUntil' in send;
  const message = existing ?? em.create(Notification, { id: newId('msg'), idempotencyKey: key, ...row, status: 'queued', content: held ? content : withoutLinkTokens(content), createdAt: new Date(), updatedAt: new Date() });
  if ('optedOut' in send) {
    em.assign(message, { status: 'suppressed', error: OPTED_OUT_REASON, updatedAt: new Date() });
    await em.flush();
    return message;
  }
  if ('heldUntil' in send) {
    em.assign(message, { status: 'held', sendAfter: send.heldUntil, updatedAt: new Date() });
    await em.flush();
    return message;
  }
  await em.flush();
  try {
    const sent = await send();
    em.assign(message, { status: 'sent', providerId: sent.providerId, error: null, updatedAt: new Date() });
  } catch (error) {
    const failure = channelFailure(error, row.channel);
    log.warn(failure.final ? 'alert message refused for good' : 'alert message failed for now; will retry', { messageId: message.id, channel: row.channel, reason: failure.reason });
    em.assign(message, failure.final ? { status: 'failed', error: failure.reason, updatedAt: new Date() } : { error: `${failure.reason}${RETRYING}`, updatedAt: new Date() });
  }
  await em.flush();
  // Counted once the status is saved: a retried activity finds the message sent or failed and returns above.
  if (message.status === 'sent' || message.status === 'failed') metrics?.alertMessage({ channel: row.channel, template: row.template, status: message.status, smsBody: content.text });
  return message;
}

const RETRYING = '; retrying';

/** What a message given up on after its retries says: the last temporary reason, without "retrying". */
export const gaveUpReason = (lastError: string | null) => `gave up after repeated temporary failures${lastError ? `: ${lastError.replace(RETRYING, '')}` : ''}`;

/** Messages left queued by a temporary failure make the activity retry (the sent ones are skipped then). */
export function retryIfQueued(messages: readonly NotificationRow[]): void {
  const waiting = messages.filter((m) => m.status === 'queued');
  if (waiting.length === 0) return;
  throw ApplicationFailure.retryable(`${waiting.length} message(s) hit a temporary channel failure: ${[...new Set(waiting.map((m) => m.channel))].join(', ')}`, 'AlertChannelUnavailable');
}

// Sends one message and logs it in the delivery log, once per idempotency key (activities may be
// retried). The stored copy has its sign-in tokens blanked once sent: the log is no key to an account.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Message, type MessageRow } from '../../db/entities/index.js';
import { newId } from '../../db/ids.js';
import { redactLinkTokens } from '../../links/redact-link-tokens.js';
import type { RenderedMessage } from './alert-channels.js';

export interface LoggedMessage {
  org: string;
  repairIds: string[];
  channel: 'email' | 'sms' | 'ticket';
  recipient: string;
  template: string;
  locale: string;
}

export function withoutLinkTokens(content: RenderedMessage): RenderedMessage {
  return {
    ...content,
    text: redactLinkTokens(content.text),
    ...(content.html ? { html: redactLinkTokens(content.html) } : {}),
  };
}

/** `send` sends now; `{ heldUntil }` keeps the message (whole, as it must be sent later) until then. */
export async function sendLogged(em: EntityManager, key: string, row: LoggedMessage, content: RenderedMessage, send: (() => Promise<{ providerId: string }>) | { heldUntil: Date }): Promise<MessageRow> {
  const existing = await em.findOne(Message, { idempotencyKey: key });
  if (existing && existing.status !== 'queued') return existing;
  const held = 'heldUntil' in send;
  const message = existing ?? em.create(Message, { id: newId('msg'), idempotencyKey: key, ...row, status: 'queued', content: held ? content : withoutLinkTokens(content), createdAt: new Date(), updatedAt: new Date() });
  if (held) {
    em.assign(message, { status: 'held', sendAfter: send.heldUntil, updatedAt: new Date() });
    await em.flush();
    return message;
  }
  await em.flush();
  try {
    const sent = await send();
    em.assign(message, { status: 'sent', providerId: sent.providerId, updatedAt: new Date() });
  } catch (error) {
    em.assign(message, { status: 'failed', error: error instanceof Error ? redactLinkTokens(error.message.slice(0, 500)) : 'send failed', updatedAt: new Date() });
    await em.flush();
    throw error;
  }
  await em.flush();
  return message;
}

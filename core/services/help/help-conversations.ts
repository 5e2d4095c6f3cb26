// Conversations with the help assistant, server-side: a follow-up finds the turn before it, and
// "Talk to a person" finds the whole transcript. An id opens its conversation only within the scope
// it was started in, and only until it expires; anything else is as good as missing.
import type { EntityManager } from '@mikro-orm/postgresql';
import { HelpConversation, type HelpConversationRow, type HelpTurn } from '../../db/entities/index.js';
import { newId } from '../../db/ids.js';
import { notFound } from '../problem.js';

/** A conversation lives a day after its last question: long enough to come back after a repair, short enough not to pile up. */
export const CONVERSATION_TTL_MS = 24 * 3600_000;
/** The turns remembered (and handed to a ticket): the topic never needs more, and a row stays small. */
export const MAX_TURNS = 20;

export interface ConversationScope {
  /** `api:<orgId or ->` or `page:<session>`: who may continue the conversation. */
  scope: string;
  orgId: string | null;
  userId: string | null;
}

/** The conversation, if this scope may continue it and it has not expired. */
export async function findConversation(em: EntityManager, id: string, scope: ConversationScope, now = new Date()): Promise<HelpConversationRow | null> {
  return em.findOne(HelpConversation, { id, scope: scope.scope, orgId: scope.orgId, expiresAt: { $gt: now } });
}

/** As findConversation, but a missing, foreign or expired id is a 404 naming the conversation. */
export async function conversationOr404(em: EntityManager, id: string, scope: ConversationScope): Promise<HelpConversationRow> {
  const row = await findConversation(em, id, scope);
  if (!row) throw notFound('conversation', id);
  return row;
}

/** Adds a turn (starting the conversation when there is none) and pushes its expiry back; expired rows are swept. */
export async function recordTurn(em: EntityManager, existing: HelpConversationRow | null, scope: ConversationScope, turn: HelpTurn, now = new Date()): Promise<string> {
  const expiresAt = new Date(now.getTime() + CONVERSATION_TTL_MS);
  await em.nativeDelete(HelpConversation, { expiresAt: { $lte: now } });
  if (existing) {
    const turns = [...existing.turns, turn].slice(-MAX_TURNS);
    await em.nativeUpdate(HelpConversation, { id: existing.id }, { turns, expiresAt, updatedAt: now, userId: scope.userId ?? existing.userId ?? null });
    return existing.id;
  }
  const id = newId('hcv');
  await em.insert(HelpConversation, { id, ...scope, turns: [turn], expiresAt, createdAt: now, updatedAt: now });
  return id;
}

// The pages' side of an assistant conversation: the browser's session holds a random key that
// scopes it (and the id of the current conversation), so nothing about it travels in a URL or a
// form; signing in or out starts a new one. The ticket form reads the transcript from here.
import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { HelpConversationRow, HelpTurn } from '../../core/db/entities/index.js';
import { translate, type Locale } from '../../core/i18n/index.js';
import { findConversation, type ConversationScope } from '../../core/services/help/help-conversations.js';

const session = (request: FastifyRequest) => request.session as unknown as { get(key: string): unknown; set(key: string, value: unknown): void };

/** Who may continue a conversation started in this browser session. */
export function pageScope(request: FastifyRequest): ConversationScope {
  let key = session(request).get('assistantKey');
  if (typeof key !== 'string') {
    key = randomBytes(18).toString('base64url');
    session(request).set('assistantKey', key);
  }
  const merchant = request.merchant;
  return { scope: `page:${key as string}`, orgId: merchant?.org.id ?? null, userId: merchant?.user.id ?? null };
}

export const currentConversationId = (request: FastifyRequest): string | undefined => {
  const id = session(request).get('assistantConversation');
  return typeof id === 'string' ? id : undefined;
};

export const setCurrentConversation = (request: FastifyRequest, id: string | undefined): void => session(request).set('assistantConversation', id);

/** This session's conversation, if it has one that has not expired. */
export async function currentConversation(request: FastifyRequest): Promise<HelpConversationRow | null> {
  const id = currentConversationId(request);
  return id ? findConversation(request.em, id, pageScope(request)) : null;
}

/** The ticket form's text stays within what a ticket's first message takes, with room to add a line. */
const TRANSCRIPT_MAX = 4000;

function turnText(turn: HelpTurn, locale: Locale): string {
  const lines = [`${translate(locale, 'page.assistant.you')}: ${turn.question}`, `${translate(locale, 'page.assistant.assistant')}: ${turn.message}`];
  turn.steps.forEach((step, i) => lines.push(`  ${i + 1}. ${step}`));
  return lines.join('\n');
}

/** The conversation as a ticket's first message: the latest turns that fit, oldest first. */
export function transcriptOf(turns: readonly HelpTurn[], locale: Locale): string {
  const heading = translate(locale, 'page.assistant.transcript');
  const kept: string[] = [];
  let length = heading.length;
  for (const turn of [...turns].reverse()) {
    const text = turnText(turn, locale);
    if (length + text.length + 2 > TRANSCRIPT_MAX) break;
    kept.unshift(text);
    length += text.length + 2;
  }
  return [heading, ...kept].join('\n\n');
}

/** The repair the conversation is about: the one the latest turn that named exactly one repair named. */
export function matchingRepair(turns: readonly HelpTurn[]): string | null {
  for (const turn of [...turns].reverse()) if (turn.repairs.length === 1) return turn.repairs[0]!.repairId;
  return null;
}

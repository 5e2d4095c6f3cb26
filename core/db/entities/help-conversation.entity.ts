import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One question and what the assistant answered, as the conversation remembers it. */
export interface HelpTurn {
  question: string;
  /** The question the engine was asked: a follow-up ("and on Deliveroo?") completed with its topic. */
  asked: string;
  message: string;
  locale: string;
  provider: string | null;
  articleSlug: string | null;
  steps: string[];
  /** The articles the answer came from, as links. */
  articles: { slug: string; title: string; url: string }[];
  /** The open repairs it was about (of the conversation's organization only). */
  repairs: { repairId: string; providerName: string; accountRef: string }[];
  at: string;
}

/**
 * A conversation with the help assistant, kept server-side so follow-ups keep their context and
 * "Talk to a person" can hand the whole transcript to a ticket. Its id is random (128 bits) and only
 * opens it within the scope it was started in (an organization for the API, a page session for the
 * pages); it expires a day after its last question (docs/help-center.md).
 */
export const HelpConversation = defineEntity({
  name: 'HelpConversation',
  tableName: 'help_conversations',
  indexes: [{ properties: ['expiresAt'] }],
  properties: {
    id: p.string().primary(),
    /** Who may continue it: `api:<orgId or ->` or `page:<merchant session id or browser nonce>`. */
    scope: p.string(),
    orgId: p.string().nullable(),
    userId: p.string().nullable(),
    turns: p.json<HelpTurn[]>(),
    expiresAt: p.datetime(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type HelpConversationRow = InferEntity<typeof HelpConversation>;

// The assistant as the merchant meets it, in the pages and through POST /v1/help/ask: one turn of
// a conversation. A follow-up is completed from the turn before it, the organization's open
// repairs come first, and a reader who may not reconnect gets the read-only path.
import type { EntityManager } from '@mikro-orm/postgresql';
import { User, type HelpConversationRow } from '../../core/db/entities/index.js';
import { pickLocale, type Locale } from '../../core/i18n/index.js';
import { conversationOr404, findConversation, recordTurn, type ConversationScope } from '../../core/services/help/help-conversations.js';
import { hasPermission } from '../../core/services/registry/permissions.js';
import { readOnlySteps } from '../pages/people-who-can.js';
import { articleUrl, getArticle } from './article-library.js';
import { slugForRepair } from './article-kinds.js';
import { ASSISTANT_REPLIES } from './assistant-replies.js';
import { inContext } from './conversation.js';
import { askAssistant, type AssistantAnswer, type RepairContext } from './help-assistant.js';
import { openRepairsOf, repairsAbout, type OpenRepair } from './open-repairs.js';
import { mentionedProvider } from './provider-mention.js';
import { repairsOpening, type Reader } from './repair-sentences.js';

export interface ConversationQuestion {
  question: string;
  locale?: Locale;
  conversationId?: string;
  /** Who may continue the conversation, and the organization whose repairs it may mention. */
  scope: ConversationScope;
  /** The person asking, when known; without one (a backend asking for an organization) nothing is held back. */
  user?: { permissions: readonly string[] } | null;
  /** A session opened for one repair mentions only that one. */
  onlyRepairId?: string | null;
  /** A repair the caller names (API `repairId`): its article is the likelier answer. */
  repair?: RepairContext;
  /** Where a repair opens: the page for the pages, the absolute page URL for the API. */
  linkTo: (repairId: string) => string;
  /** An unknown or expired conversation: the API answers 404, the pages start a new one. */
  unknownConversation: 'fail' | 'restart';
}

export interface ArticleRef {
  slug: string;
  title: string;
  url: string;
}

export interface RepairRef {
  repairId: string;
  provider: string;
  accountRef: string;
  state: string;
  link: string;
  /** The reader may follow it and read the steps, not reconnect or confirm a fix. */
  readOnly: boolean;
}

export interface ConversationAnswer extends AssistantAnswer {
  articles: ArticleRef[];
  repairs: RepairRef[];
  conversationId: string;
  /** The question was read with the previous one's topic ("and on Deliveroo?"). */
  followUp: boolean;
}

async function conversationOf(em: EntityManager, input: ConversationQuestion): Promise<HelpConversationRow | null> {
  if (!input.conversationId) return null;
  if (input.unknownConversation === 'fail') return conversationOr404(em, input.conversationId, input.scope);
  return findConversation(em, input.conversationId, input.scope);
}

/** What the reader may see and do; the names of whom to ask when they may not reconnect. */
async function readerOf(em: EntityManager, input: ConversationQuestion): Promise<Reader & { canView: boolean }> {
  const { user } = input;
  if (!user) return { canView: true, canReconnect: true, reconnectors: [] };
  const canReconnect = hasPermission(user, 'integrations:reconnect');
  const colleagues = canReconnect || !input.scope.orgId ? [] : await em.find(User, { org: input.scope.orgId }, { orderBy: { createdAt: 'asc' }, limit: 200 });
  const reconnectors = colleagues.filter((u) => hasPermission(u, 'integrations:reconnect')).slice(0, 5).map((u) => u.name ?? u.email);
  return { canView: hasPermission(user, 'integrations:view'), canReconnect, reconnectors };
}

const contextOf = (repair: OpenRepair): RepairContext => ({ provider: repair.provider, errorType: repair.errorType, cause: repair.cause });
const ownSlug = (repair: OpenRepair) => slugForRepair(repair.provider, repair.errorType, repair.cause);

/**
 * The repairs the answer is about: those of the provider the question names; without one, those of
 * the kind the answer's article is about (none when it is about another kind), and every open repair
 * when the article is a general one ("my orders stopped") or there is none: they come first.
 */
function mentionedRepairs(candidates: OpenRepair[], answer: AssistantAnswer, provider: string | undefined): OpenRepair[] {
  if (provider) return candidates;
  const article = answer.article ? getArticle(answer.article.slug, answer.locale) : undefined;
  if (!article?.errorType) return candidates;
  return candidates.filter((r) => r.errorType === article.errorType && (!article.provider || article.provider === r.provider));
}

/**
 * The merchant's one repair is the better answer when the engine is unsure, or when it picked an
 * article about another problem on that same provider ("and on Deliveroo?" after a question about
 * a code, while their Deliveroo store is inactive): the problem they have comes first. A confident
 * general answer (alerts, contact details) stays.
 */
function preferOwnArticle(answer: AssistantAnswer, about: OpenRepair[]): AssistantAnswer {
  const [only] = about;
  const slug = about.length === 1 && only ? ownSlug(only) : undefined;
  if (!slug || !only || answer.article?.slug === slug) return answer;
  const chosen = answer.article ? getArticle(answer.article.slug, answer.locale) : undefined;
  const sameProvider = chosen?.provider === only.provider;
  if (answer.answered && !answer.offerTicket && !sameProvider) return answer;
  const article = getArticle(slug, answer.locale);
  if (!article) return answer;
  const message = ASSISTANT_REPLIES[answer.locale].answered(article.title);
  return { ...answer, answered: true, message, article: { slug: article.slug, title: article.title, url: articleUrl(article.slug, article.locale) }, steps: article.steps };
}

/** The answer's article first, then each mentioned repair's own article, then what the engine had picked. */
function articlesOf(answer: AssistantAnswer, about: OpenRepair[], engine: AssistantAnswer): ArticleRef[] {
  const refs: ArticleRef[] = answer.article ? [answer.article] : [];
  const add = (ref: ArticleRef | undefined) => {
    if (ref && !refs.some((r) => r.slug === ref.slug)) refs.push(ref);
  };
  for (const repair of about) {
    const slug = ownSlug(repair);
    const article = slug ? getArticle(slug, answer.locale) : undefined;
    add(article ? { slug: article.slug, title: article.title, url: articleUrl(article.slug, article.locale) } : undefined);
  }
  add(engine.article);
  return refs;
}

/** One turn: the answer, and the conversation remembering it. */
export async function askInConversation(em: EntityManager, input: ConversationQuestion): Promise<ConversationAnswer> {
  const conversation = await conversationOf(em, input);
  const previous = conversation?.turns.at(-1);
  const { asked, followUp } = inContext(input.question, previous);
  const locale = input.locale ?? (followUp && previous ? pickLocale([previous.locale]) : undefined);
  const provider = mentionedProvider(asked);
  const reader = await readerOf(em, input);
  const known = input.scope.orgId && reader.canView ? await openRepairsOf(em, input.scope.orgId, input.onlyRepairId) : [];
  const candidates = repairsAbout(known, provider);
  const own = candidates.length === 1 ? candidates[0] : undefined;
  const repair = input.repair ?? (own ? contextOf(own) : undefined);
  const engine = await askAssistant({ question: asked, ...(locale ? { locale } : {}), ...(repair ? { repair } : {}) });
  const about = mentionedRepairs(candidates, engine, provider);
  const answer = preferOwnArticle(engine, about);
  const opening = repairsOpening(about, answer.locale, reader);
  const steps = reader.canReconnect ? answer.steps : readOnlySteps(answer.steps, answer.locale);
  const message = opening ? `${opening} ${answer.message}` : answer.message;
  const repairs = about.map((r) => ({ repairId: r.repairId, provider: r.provider, accountRef: r.accountRef, state: r.state, link: input.linkTo(r.repairId), readOnly: !reader.canReconnect }));
  const articles = articlesOf(answer, about, engine);
  const turn = { question: input.question, asked, message, locale: answer.locale, provider: provider ?? null, articleSlug: answer.article?.slug ?? null, steps, articles, repairs: about.map((r) => ({ repairId: r.repairId, providerName: r.providerName, accountRef: r.accountRef })), at: new Date().toISOString() };
  const conversationId = await recordTurn(em, conversation, input.scope, turn);
  return { ...answer, message, steps, articles, repairs, conversationId, followUp };
}

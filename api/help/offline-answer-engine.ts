// The assistant without a language model: search the articles, boost the repair's own article,
// and answer only when the best article covers enough of the question.
import { articleUrl, getArticle } from './article-library.js';
import { slugForRepair } from './article-kinds.js';
import type { HelpArticle } from './article.types.js';
import type { AnswerEngine, AskInput, AssistantAnswer, RankedCandidates } from './answer-engine.js';
import { ASSISTANT_REPLIES } from './assistant-replies.js';
import { fillPolicy } from './ticket-policy-text.js';
import { withinOneEdit } from './edit-distance.js';
import { detectLanguage } from './language-detector.js';
import { mentionedProvider } from './provider-mention.js';
import { searchArticles, type SearchHit } from './search-index.js';
import { synonymsOf } from './query-synonyms.js';
import { termsOf, wordsOf } from './search-terms.js';
import { findProvider, type Locale } from '../../core/providers/index.js';

/** Below this, the assistant says it does not know rather than guess. */
export const ANSWER_THRESHOLD = 0.4;
/** Between the two thresholds it answers but also offers a ticket. */
const SURE_THRESHOLD = 0.7;
/** The repair's own article weighs this much more than its score alone. */
const REPAIR_BOOST = 1.6;
/** A provider named in the question makes its own articles the likelier answer. */
const NAMED_BOOST = 3;

interface Ranked {
  locale: Locale;
  hits: SearchHit[];
  questionTerms: QuestionTerm[];
  repairSlug?: string;
}

const articleTerms = new Map<string, Set<string>>();
function termsOfArticle(article: HelpArticle): Set<string> {
  const key = `${article.locale}:${article.slug}`;
  let terms = articleTerms.get(key);
  if (!terms) {
    terms = new Set(termsOf(`${article.title} ${article.tags.join(' ')} ${article.body}`, article.locale));
    articleTerms.set(key, terms);
  }
  return terms;
}

/**
 * One meaningful question word: its stem, and the stems of its synonyms, any of which an
 * article may contain.
 */
type QuestionTerm = string[];

/** Share of the question's meaningful words the article contains (typos within one edit count). */
function coverage(questionTerms: QuestionTerm[], article: HelpArticle): number {
  if (questionTerms.length === 0) return 0;
  const terms = termsOfArticle(article);
  const has = (q: string) => terms.has(q) || (q.length >= 5 && [...terms].some((t) => withinOneEdit(q, t)));
  return questionTerms.filter((alternatives) => alternatives.some(has)).length / questionTerms.length;
}

/** The question's meaningful words; those that only name the provider say nothing about the problem. */
function problemTerms(question: string, locale: Locale, providerId: string | undefined): QuestionTerm[] {
  const provider = providerId ? findProvider(providerId) : undefined;
  const nameWords = new Set(provider ? termsOf(`${provider.name} ${provider.id.replaceAll('_', ' ')}`, locale) : []);
  const groups = new Map<string, QuestionTerm>();
  for (const word of wordsOf(question)) {
    const [stem] = termsOf(word, locale);
    if (!stem || groups.has(stem) || nameWords.has(stem) || (provider && mentionedProvider(word) === provider.id)) continue;
    groups.set(stem, [stem, ...termsOf(synonymsOf(word, locale) ?? '', locale)]);
  }
  return [...groups.values()];
}

async function rank(input: AskInput): Promise<Ranked> {
  const locale = input.locale ?? detectLanguage(input.question);
  const named = mentionedProvider(input.question);
  const providerId = named ?? input.repair?.provider;
  const repairSlug = input.repair ? slugForRepair(input.repair.provider, input.repair.errorType, input.repair.cause) : undefined;
  const general = await searchArticles({ q: input.question, locale, generalOnly: true, limit: 5 });
  const specific = providerId ? await searchArticles({ q: input.question, locale, provider: providerId, limit: 5 }) : [];
  // A named provider makes its articles the likelier answer; general ones still compete.
  const weighted = [...specific.map((h) => ({ ...h, score: h.score * (named ? NAMED_BOOST : 1) })), ...general].map((h) =>
    h.article.slug === repairSlug ? { ...h, score: h.score * REPAIR_BOOST } : h,
  );
  weighted.sort((a, b) => b.score - a.score);
  return { locale, hits: weighted, questionTerms: problemTerms(input.question, locale, providerId), ...(repairSlug ? { repairSlug } : {}) };
}

export async function rankArticles(input: AskInput): Promise<RankedCandidates> {
  const { locale, hits } = await rank(input);
  return { locale, slugs: hits.map((h) => h.article.slug) };
}

/** A one-word question matches well but says little: never fully sure of it. */
const ONE_WORD_CAP = 0.6;

/**
 * How much of the question the best article covers, scaled by how clearly it beats the next
 * one; being the repair's own article adds some.
 */
function confidenceOf(questionTerms: QuestionTerm[], hits: SearchHit[], repairSlug: string | undefined): number {
  const [top, next] = hits;
  if (!top) return 0;
  const margin = next && top.score > 0 ? Math.max(0, (top.score - next.score) / top.score) : 1;
  const own = top.article.slug === repairSlug ? 0.15 : 0;
  const raw = Math.min(1, coverage(questionTerms, top.article) * (0.7 + 0.3 * margin) + own);
  return questionTerms.length <= 1 ? Math.min(raw, ONE_WORD_CAP) : raw;
}

function answerWith(article: HelpArticle, locale: Locale, confidence: number): AssistantAnswer {
  const sure = confidence >= SURE_THRESHOLD;
  const messages = ASSISTANT_REPLIES[locale];
  return {
    answered: true,
    locale,
    confidence: Math.round(confidence * 100) / 100,
    article: { slug: article.slug, title: article.title, url: articleUrl(article.slug, article.locale) },
    steps: article.steps,
    offerTicket: !sure,
    message: sure ? messages.answered(article.title) : messages.unsure(article.title),
  };
}

export const offlineAnswerEngine: AnswerEngine = {
  name: 'offline',
  async answer(input) {
    const { locale, hits, questionTerms, repairSlug } = await rank(input);
    const top = hits[0];
    const confidence = top ? confidenceOf(questionTerms, hits, repairSlug) : 0;
    if (top && confidence >= ANSWER_THRESHOLD) return answerWith(top.article, locale, confidence);
    // A vague question about a known repair ("what now?") is still best answered by its article.
    const repairArticle = repairSlug && wordsOf(input.question).length <= 6 ? getArticle(repairSlug, locale) : undefined;
    if (repairArticle) return answerWith(repairArticle, locale, ANSWER_THRESHOLD);
    return { answered: false, locale, confidence: Math.round(confidence * 100) / 100, steps: [], offerTicket: true, message: fillPolicy(ASSISTANT_REPLIES[locale].unknown) };
  },
};

// How sure the engine is that the best-ranked article answers the question. Words no article
// uses weigh nothing (term-weights.ts), so a question in the merchant's words ("it keeps asking
// me for a code, where do I put it?") is judged on the words that matter, while a question made
// mostly of words about something else ("the weather in Paris") stays below the threshold.
import type { Locale } from '../../core/providers/index.js';
import type { SearchHit } from './search-index.js';
import { getArticle } from './article-library.js';
import { STAND_IN_ERROR_TYPES } from './article-kinds.js';
import type { HelpArticle } from './article.types.js';
import { holdsTerm, termsOfArticle, termWeight } from './term-weights.js';

/**
 * One meaningful question word: its stem, and the stems of its synonyms, any of which an
 * article may contain.
 */
export type QuestionTerm = string[];

/** A one-word question matches well but says little: never fully sure of it. */
const ONE_WORD_CAP = 0.6;
/** Below this share of words about our subject, a question is judged as a one-word one. */
const MIN_ON_TOPIC = 0.2;
/** Being the repair's own article adds this much. */
const OWN_ARTICLE = 0.15;

interface Weighed {
  weight: number;
  alternatives: string[];
}

const weigh = (terms: readonly QuestionTerm[], locale: Locale): Weighed[] =>
  terms.map((alternatives) => ({ alternatives, weight: Math.max(0, ...alternatives.map((t) => termWeight(t, locale))) }));

/**
 * A provider named in the question, when the best article is that provider's own: the name is
 * an on-topic word the article covers, as much as a word most articles use.
 */
const NAMED_PROVIDER_WEIGHT = 0.5;

/**
 * The words that tell about an article's problem: its own, and those of the general article
 * that tells the same for no provider in particular ("down for everyone" is the outage
 * article's wording, and its match already counts for the provider's own article).
 */
function wordsAbout(article: HelpArticle): ReadonlySet<string> {
  const own = termsOfArticle(article);
  const { errorType } = article;
  if (!article.provider || !errorType) return own;
  const standIns = Object.entries(STAND_IN_ERROR_TYPES).flatMap(([slug, types]) => (types.includes(errorType) ? [getArticle(slug, article.locale)] : []));
  return new Set([own, ...standIns.flatMap((a) => (a ? [termsOfArticle(a)] : []))].flatMap((terms) => [...terms]));
}

/**
 * The share of the question's weight an article covers: the ranking's second opinion. The search
 * counts every matching word alike in its field; this asks whether the question's rarer words
 * (code, mail, authenticator) are the article's, so a word shared by chance ("accès", "entran")
 * does not carry another article ahead.
 */
export function coveredShare(questionTerms: readonly QuestionTerm[], article: HelpArticle, locale: Locale): number {
  const known = weigh(questionTerms, locale).filter((w) => w.weight > 0);
  const total = known.reduce((sum, w) => sum + w.weight, 0);
  if (total === 0) return 0;
  const terms = wordsAbout(article);
  return known.filter((w) => w.alternatives.some((t) => holdsTerm(terms, t))).reduce((sum, w) => sum + w.weight, 0) / total;
}

export function confidenceOf(questionTerms: readonly QuestionTerm[], hits: readonly SearchHit[], locale: Locale, repairSlug?: string, namedProvider?: string): number {
  const [top, next] = hits;
  if (!top) return 0;
  const providerTerm: Weighed[] = namedProvider && top.article.provider === namedProvider ? [{ alternatives: [], weight: NAMED_PROVIDER_WEIGHT }] : [];
  const weighed = [...weigh(questionTerms, locale), ...providerTerm];
  const known = weighed.filter((w) => w.weight > 0);
  const total = known.reduce((sum, w) => sum + w.weight, 0);
  if (total === 0) return 0;
  const articleTerms = wordsAbout(top.article);
  const covered = known.filter((w) => w.alternatives.length === 0 || w.alternatives.some((t) => holdsTerm(articleTerms, t))).reduce((sum, w) => sum + w.weight, 0);
  // Share of the question that is about our subject at all: a question mostly about something else is doubtful.
  const onTopic = known.length / weighed.length;
  const margin = next && top.score > 0 ? Math.max(0, (top.score - next.score) / top.score) : 1;
  const own = top.article.slug === repairSlug ? OWN_ARTICLE : 0;
  const raw = Math.min(1, Math.sqrt(covered / total) * (0.7 + 0.3 * margin) * (0.7 + 0.3 * onTopic) + own);
  // One known word among others ("como faço bolo") is weaker still than a one-word question;
  // so is a question of which hardly a word is about our subject (a prompt pasted in).
  return known.length <= 1 || onTopic < MIN_ON_TOPIC ? Math.min(raw, ONE_WORD_CAP * onTopic) : raw;
}

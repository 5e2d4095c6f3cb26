// The assistant without a language model: search the articles, boost the repair's own article,
// and answer only when the best article covers enough of the question.
import { allArticles, articleUrl, getArticle } from './article-library.js';
import { GENERAL_STAND_INS, STAND_IN_ERROR_TYPES, slugForRepair } from './article-kinds.js';
import type { HelpArticle } from './article.types.js';
import type { AnswerEngine, AskInput, AssistantAnswer, RankedCandidates } from './answer-engine.js';
import { ASSISTANT_REPLIES } from './assistant-replies.js';
import { fillPolicy } from './ticket-policy-text.js';
import { confidenceOf, coveredShare, type QuestionTerm } from './answer-confidence.js';
import { questionLanguage, scoredLanguages } from './question-language.js';
import { mentionedProvider, withoutProviderNames } from './provider-mention.js';
import { searchArticles, type SearchHit } from './search-index.js';
import { withoutDurations } from './durations.js';
import { withoutWhenWords } from './question-asides.js';
import { withoutLoneModifiers } from './modifiers.js';
import { withoutDisclaimed } from './disclaimed.js';
import { withExpiredSaid } from './no-longer-valid.js';
import { synonymsOf } from './query-synonyms.js';
import { termsOf, wordsOf } from './search-terms.js';
import { findProvider, type Locale } from '../../core/providers/index.js';

/** Below this, the assistant says it does not know rather than guess. */
export const ANSWER_THRESHOLD = 0.4;
/** A less likely language is tried when it scores at least this share of the likeliest one. */
const UNSURE_SHARE = 0.3;
/** Between the two thresholds it answers but also offers a ticket. */
const SURE_THRESHOLD = 0.7;
/** The repair's own article weighs this much more than its score alone. */
const REPAIR_BOOST = 1.6;
/** How much the share of the question an article covers weighs in its rank (the rest is the search score). */
const COVER_SHARE = 0.5;
/** A provider named in the question makes its own articles the likelier answer. */
const NAMED_BOOST = 3;
/**
 * The engine reads at most this much of a question (the API refuses longer ones): a pasted
 * page says no more than its start, and every word costs a typo lookup.
 */
export const MAX_QUESTION_CHARS = 1000;

interface Ranked {
  locale: Locale;
  confidence: number;
  named?: string;
  hits: SearchHit[];
  questionTerms: QuestionTerm[];
  repairSlug?: string;
}

/** The question's meaningful words; those that only name the provider say nothing about the problem. */
function problemTerms(question: string, locale: Locale, providerId: string | undefined): QuestionTerm[] {
  const provider = providerId ? findProvider(providerId) : undefined;
  const nameWords = new Set(provider ? termsOf(`${provider.name} ${provider.id.replaceAll('_', ' ')}`, locale) : []);
  const groups = new Map<string, QuestionTerm>();
  for (const word of wordsOf(question)) {
    // A stop word the symptom table knows ("c'est fait") counts by its synonyms, as in the search.
    const synonyms = termsOf(synonymsOf(word, locale) ?? '', locale);
    const [stem = synonyms.length > 0 ? word : undefined] = termsOf(word, locale);
    if (!stem || groups.has(stem) || nameWords.has(stem) || (provider && mentionedProvider(word) === provider.id)) continue;
    groups.set(stem, [stem, ...synonyms]);
  }
  return [...groups.values()];
}

/** How much of a stand-in's match counts for the provider's own article (the stand-in's words are broader). */
const STAND_IN_SHARE = 0.6;

/** A stand-in's match counts for the named provider's own article of its error type. */
function transferStandIn(hit: SearchHit, providerId: string, locale: Locale, specific: SearchHit[]): void {
  const types = STAND_IN_ERROR_TYPES[hit.article.slug];
  if (!types) return;
  const own = allArticles().find((a) => a.locale === locale && a.provider === providerId && a.errorType !== undefined && types.includes(a.errorType));
  if (!own) return;
  const existing = specific.find((h) => h.article.slug === own.slug);
  const score = hit.score * STAND_IN_SHARE;
  if (existing) existing.score = Math.max(existing.score, score);
  else specific.push({ ...hit, article: own, score });
}

/**
 * Without a given locale, a question the likeliest language's articles do not answer is also
 * read with a less likely language's words: short or mixed questions ("mdp oublié sur
 * deliveroo", an English word in Italian) mislead the detector. Only the articles found there
 * are borrowed (every article exists in every locale); the answer stays in the likeliest
 * language, so a clear English question is never answered in Italian.
 */
async function rank(asked: AskInput): Promise<Ranked> {
  const input = { ...asked, question: asked.question.slice(0, MAX_QUESTION_CHARS) };
  if (input.locale) return rankIn(input, input.locale);
  const [likeliest, ...others] = scoredLanguages(input.question);
  if (!likeliest) return rankIn(input, questionLanguage(input.question));
  const first = await rankIn(input, likeliest.locale);
  if (first.confidence >= ANSWER_THRESHOLD) return first;
  // Only a language the detector hesitated over: read as Portuguese, Italian words about football match something.
  for (const { locale } of others.filter((o) => o.score >= UNSURE_SHARE * likeliest.score)) {
    const other = await rankIn(input, locale);
    if (other.confidence >= ANSWER_THRESHOLD) return { ...other, locale: likeliest.locale, hits: inLocale(other.hits, likeliest.locale) };
  }
  return first;
}

/** The same articles in another locale, with their scores. */
const inLocale = (hits: readonly SearchHit[], locale: Locale): SearchHit[] =>
  hits.flatMap((h) => {
    const article = getArticle(h.article.slug, locale);
    return article ? [{ ...h, article }] : [];
  });

async function rankIn(input: AskInput, locale: Locale): Promise<Ranked> {
  const named = mentionedProvider(input.question);
  const providerId = named ?? input.repair?.provider;
  const repairSlug = input.repair ? slugForRepair(input.repair.provider, input.repair.errorType, input.repair.cause) : undefined;
  // What the merchant rules out ("no es la contraseña") is not searched, nor weighed below.
  const asked = withoutDisclaimed(withExpiredSaid(input.question, locale), locale);
  const query = withoutLoneModifiers(withoutWhenWords(withoutDurations(withoutProviderNames(asked), locale), locale), locale);
  const found = await searchArticles({ q: query, locale, generalOnly: true, limit: 5 });
  const general = named ? found.filter((h) => !GENERAL_STAND_INS.has(h.article.slug)) : found;
  const specific = providerId ? await searchArticles({ q: query, locale, provider: providerId, limit: 5 }) : [];
  if (named) for (const hit of found) transferStandIn(hit, named, locale, specific);
  // A named provider makes its articles the likelier answer; general ones still compete.
  const weighted = [...specific.map((h) => ({ ...h, score: h.score * (named ? NAMED_BOOST : 1) })), ...general].map((h) =>
    h.article.slug === repairSlug ? { ...h, score: h.score * REPAIR_BOOST } : h,
  );
  const questionTerms = problemTerms(withoutLoneModifiers(withoutWhenWords(withoutDurations(asked, locale), locale), locale), locale, providerId);
  for (const hit of weighted) hit.score *= 1 - COVER_SHARE + COVER_SHARE * coveredShare(questionTerms, hit.article, locale);
  weighted.sort((a, b) => b.score - a.score);
  const confidence = weighted.length > 0 ? confidenceOf(questionTerms, weighted, locale, repairSlug, named) : 0;
  return { locale, confidence, ...(named ? { named } : {}), hits: weighted, questionTerms, ...(repairSlug ? { repairSlug } : {}) };
}

export async function rankArticles(input: AskInput): Promise<RankedCandidates> {
  const { locale, hits } = await rank(input);
  return { locale, slugs: hits.map((h) => h.article.slug) };
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
    const { locale, hits, confidence, repairSlug } = await rank(input);
    const top = hits[0];
    if (top && confidence >= ANSWER_THRESHOLD) return answerWith(top.article, locale, confidence);
    // A vague question about a known repair ("what now?") is still best answered by its article.
    const repairArticle = repairSlug && wordsOf(input.question.slice(0, MAX_QUESTION_CHARS)).length <= 6 ? getArticle(repairSlug, locale) : undefined;
    if (repairArticle) return answerWith(repairArticle, locale, ANSWER_THRESHOLD);
    return { answered: false, locale, confidence: Math.round(confidence * 100) / 100, steps: [], offerTicket: true, message: fillPolicy(ASSISTANT_REPLIES[locale].unknown) };
  },
};

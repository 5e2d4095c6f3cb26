// How much a question word says about which article answers it, per language: the inverse of
// how many kinds of article use it (a provider template counts once, not once per provider, so
// "password" is not made common by fifteen copies). A word no article uses, even one typo
// away, weighs nothing: it tells neither for nor against any article ("chef", "yesterday").
import { findProvider, type Locale } from '../../core/providers/index.js';
import { allArticles } from './article-library.js';
import type { HelpArticle } from './article.types.js';
import { withinOneEdit } from './edit-distance.js';
import { termsOf } from './search-terms.js';

/** Shorter stems are compared exactly: one edit away from a four-letter stem is another word. */
const FUZZY_MIN_LENGTH = 5;

/** A word only article bodies use is incidental ("keep", "says"): it counts, but little. */
const BODY_ONLY_WEIGHT = 0.25;

interface LocaleTerms {
  /** Stem → number of article kinds whose title or tags use it (the words the articles are about). */
  kindsNaming: Map<string, number>;
  kinds: number;
  /** Every stem of every article of the language, bodies included. */
  anywhere: Set<string>;
}

const byLocale = new Map<string, LocaleTerms>();
const articleTermCache = new Map<string, Set<string>>();

/** Every stem of an article: title, tags and body. */
export function termsOfArticle(article: HelpArticle): Set<string> {
  const key = `${article.locale}:${article.slug}`;
  let terms = articleTermCache.get(key);
  if (!terms) {
    terms = new Set(termsOf(`${article.title} ${article.tags.join(' ')} ${article.body}`, article.locale));
    articleTermCache.set(key, terms);
  }
  return terms;
}

const kindOf = (a: HelpArticle): string => (a.provider ? `template:${a.cause ?? a.errorType ?? ''}` : `general:${a.slug}`);

/** The title and tag stems of an article, without its provider's and portal's names (they differ per copy). */
function namingTerms(article: HelpArticle): string[] {
  const provider = article.provider ? findProvider(article.provider) : undefined;
  const own = new Set(provider ? termsOf(`${provider.name} ${provider.portalName}`, article.locale) : []);
  return termsOf(`${article.title} ${article.tags.join(' ')}`, article.locale).filter((t) => !own.has(t));
}

function statsFor(locale: Locale): LocaleTerms {
  const cached = byLocale.get(locale);
  if (cached) return cached;
  const kindTerms = new Map<string, Set<string>>();
  const anywhere = new Set<string>();
  for (const article of allArticles().filter((a) => a.locale === locale)) {
    const terms = kindTerms.get(kindOf(article)) ?? new Set<string>();
    for (const t of namingTerms(article)) terms.add(t);
    kindTerms.set(kindOf(article), terms);
    for (const t of termsOfArticle(article)) anywhere.add(t);
  }
  const kindsNaming = new Map<string, number>();
  for (const terms of kindTerms.values()) for (const t of terms) kindsNaming.set(t, (kindsNaming.get(t) ?? 0) + 1);
  const stats = { kindsNaming, kinds: kindTerms.size, anywhere };
  byLocale.set(locale, stats);
  return stats;
}

/** One stem starts the other: Snowball stems "verificar" and "verificación" differently ("verific", "verif"). */
const sharesRoot = (a: string, b: string): boolean => Math.min(a.length, b.length) >= FUZZY_MIN_LENGTH && (a.startsWith(b) || b.startsWith(a));

const near = (stem: string, t: string): boolean =>
  stem.length >= FUZZY_MIN_LENGTH && t.length >= FUZZY_MIN_LENGTH - 1 && (withinOneEdit(stem, t) || sharesRoot(stem, t));

/** Whether a set of stems holds this one, or one a typo away. */
export const holdsTerm = (terms: ReadonlySet<string>, stem: string): boolean => terms.has(stem) || [...terms].some((t) => near(stem, t));

/**
 * The weight of one stem in a language: more the fewer kinds of article name it in a title or
 * tag; little when only bodies use it; 0 when no article does.
 */
export function termWeight(stem: string, locale: Locale): number {
  const { kindsNaming, kinds, anywhere } = statsFor(locale);
  let count = kindsNaming.get(stem);
  if (count === undefined) for (const [t, n] of kindsNaming) if (near(stem, t)) count = Math.max(count ?? 0, n);
  if (count !== undefined) return Math.log(1 + kinds / count);
  return holdsTerm(anywhere, stem) ? BODY_ONLY_WEIGHT : 0;
}

/** How many of a text's stems the articles of a language use as they are (no typo allowance). */
export const vocabularyFit = (text: string, locale: Locale): number => {
  const { anywhere } = statsFor(locale);
  return termsOf(text, locale).filter((t) => anywhere.has(t)).length;
};

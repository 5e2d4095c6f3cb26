// Guessing a question's language among the product's locales, to pick which index to search
// when the merchant's locale is unknown. tinyld's n-gram scores alone misread short questions
// ("compte bloqué", "no recibo pedidos"), and the stop words alone find too few hits in them;
// added together they mostly agree. Nothing found either way means the fallback.
import { detectAll } from 'tinyld';
import { LOCALES, type Locale } from '../../core/providers/index.js';
import { withoutProviderNames } from './provider-mention.js';
import { STOP_WORDS } from './stop-words.js';
import { wordsOf } from './search-terms.js';

/**
 * Words without a vowel ("mdp", "qqn", "sms", "hs", "pwd") are abbreviations: they carry no
 * n-grams of a language, yet tinyld knows some as one language's unique words and then answers
 * that language alone, whatever the rest says ("mdp oublié" read as English).
 */
const withoutAbbreviations = (text: string): string => text.replace(/(?<![\p{L}\p{N}])[b-df-hj-np-tv-xz\d]+(?![\p{L}\p{N}])/giu, ' ');

/** tinyld's scores over our locales, scaled to add up to 1 (all 0 when it recognises nothing). */
function ngramScores(text: string): Record<Locale, number> {
  const found = detectAll(text, { only: [...LOCALES] });
  const total = found.reduce((sum, f) => sum + f.accuracy, 0);
  const share = (locale: Locale) => (total > 0 ? (found.find((f) => f.lang === locale)?.accuracy ?? 0) / total : 0);
  return Object.fromEntries(LOCALES.map((locale) => [locale, share(locale)])) as Record<Locale, number>;
}

export interface LanguageGuess {
  locale: Locale;
  score: number;
}

/** Our locales the text may be in, likeliest first, with their scores (n-gram share + stop-word share). */
export function rankLanguages(text: string): LanguageGuess[] {
  // Brand names ("Uber Eats", "Just Eat") read as English but say nothing about the merchant's language.
  const question = withoutProviderNames(text);
  const ngrams = ngramScores(withoutAbbreviations(question));
  const words = wordsOf(question);
  const scored = LOCALES.map((locale) => {
    const stopShare = words.filter((w) => STOP_WORDS[locale].has(w)).length / Math.max(1, words.length);
    return { locale, score: ngrams[locale] + stopShare };
  });
  return scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score);
}

export function detectLanguage(text: string, fallback: Locale = 'en'): Locale {
  return rankLanguages(text)[0]?.locale ?? fallback;
}

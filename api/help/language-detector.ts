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

const detected = (text: string) => detectAll(text, { only: [...LOCALES] });

/** tinyld's verdict from one word it knows as unique to a language: one language, sure. */
const uniqueWordVerdict = (found: ReturnType<typeof detected>): string | undefined => (found.length === 1 && found[0]?.accuracy === 1 ? found[0].lang : undefined);

/**
 * tinyld answers one language alone, whatever the rest says, when a word is unique to it: an
 * English loanword ("delivery", "apps") made "cambiamos las claves de todas las apps de
 * delivery" English. One such word in a question of some length is a loanword: it is left
 * out and the rest read again. Several ("désactivé", "notre", "pourquoi") are the language; in a
 * short question ("skip est down ou quoi") the one word may be all there is to read.
 */
const LOANWORD_MIN_WORDS = 6;

function withoutUniqueWords(text: string, found: ReturnType<typeof detected>): ReturnType<typeof detected> {
  const verdict = uniqueWordVerdict(found);
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (!verdict || words.length < LOANWORD_MIN_WORDS) return found;
  const unique = words.filter((w) => uniqueWordVerdict(detected(w)) === verdict);
  if (unique.length !== 1) return found;
  const again = detected(words.filter((w) => !unique.includes(w)).join(' '));
  return again.length > 0 ? again : found;
}

/** tinyld's scores over our locales, scaled to add up to 1 (all 0 when it recognises nothing). */
function ngramScores(text: string): Record<Locale, number> {
  const found = withoutUniqueWords(text, detected(text));
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

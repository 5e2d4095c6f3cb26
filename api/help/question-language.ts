// The language to answer in: the merchant's locale when given. Otherwise tinyld and the stop
// words (language-detector.ts) can hesitate or err on short or mixed questions ("mdp oublié sur
// deliveroo" reads as English, "a Glovo diz que a loja está inativa" as Spanish), so each
// language's score also counts the share of the question's words its own articles use.
import { LOCALES, type Locale } from '../../core/providers/index.js';
import { rankLanguages } from './language-detector.js';
import { withoutProviderNames } from './provider-mention.js';
import { wordsOf } from './search-terms.js';
import { vocabularyFit } from './term-weights.js';

const FALLBACK: Locale = 'en';
/** How much the articles' vocabulary counts next to the detector's score (which is at most 2). */
const VOCABULARY_WEIGHT = 0.6;

export function questionLanguage(question: string, given?: Locale): Locale {
  return given ?? questionLanguages(question)[0] ?? FALLBACK;
}

/** Our locales the question may be in, likeliest first (empty when nothing points anywhere). */
export function questionLanguages(question: string): Locale[] {
  return scoredLanguages(question).map((s) => s.locale);
}

/** Our locales with their scores (detector's plus the articles' vocabulary), likeliest first. */
export function scoredLanguages(question: string): Array<{ locale: Locale; score: number }> {
  const detected = rankLanguages(question);
  const plain = withoutProviderNames(question);
  const words = Math.max(1, wordsOf(plain).length);
  const scored = LOCALES.map((locale) => ({
    locale,
    score: (detected.find((d) => d.locale === locale)?.score ?? 0) + (VOCABULARY_WEIGHT * vocabularyFit(plain, locale)) / words,
  }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored;
}

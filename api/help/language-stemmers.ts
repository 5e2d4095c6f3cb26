// The Orama language name and Snowball stemmer for each of our locales.
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import type { Locale } from '../../core/providers/index.js';

export interface LanguageStemmer {
  language: 'english' | 'spanish' | 'french' | 'italian' | 'portuguese';
  stem: (word: string) => string;
}

/**
 * Text is accent-folded before stemming (merchants often type no accents), which Snowball's
 * French rules do not expect: "cassée" folds to "cassee", stemmed "casse", while "cassé" gives
 * "cass". A feminine participle's ending is made masculine first, so both give one stem.
 */
const frenchFolded = (word: string): string => french(word.replace(/(?<=\p{L}{3})ee(s?)$/u, 'e$1'));

export const LANGUAGE_STEMMERS: Readonly<Record<Locale, LanguageStemmer>> = {
  en: { language: 'english', stem: english },
  es: { language: 'spanish', stem: spanish },
  fr: { language: 'french', stem: frenchFolded },
  it: { language: 'italian', stem: italian },
  pt: { language: 'portuguese', stem: portuguese },
};

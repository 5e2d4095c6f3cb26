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

export const LANGUAGE_STEMMERS: Readonly<Record<Locale, LanguageStemmer>> = {
  en: { language: 'english', stem: english },
  es: { language: 'spanish', stem: spanish },
  fr: { language: 'french', stem: french },
  it: { language: 'italian', stem: italian },
  pt: { language: 'portuguese', stem: portuguese },
};

// Turning text into comparable terms: folded, split, stop words out, stemmed. The snippet and the
// assistant's confidence use it; the index itself uses Orama's tokenizer with the same stemmer.
import type { Locale } from '../../core/providers/index.js';
import { LANGUAGE_STEMMERS } from './language-stemmers.js';
import { STOP_WORDS } from './stop-words.js';
import { foldAccents } from './text-folding.js';

export const wordsOf = (text: string): string[] => foldAccents(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

/** Meaningful stems of a text, in order, without duplicates. */
export function termsOf(text: string, locale: Locale): string[] {
  const stop = STOP_WORDS[locale];
  const { stem } = LANGUAGE_STEMMERS[locale];
  return [...new Set(wordsOf(text).filter((w) => !stop.has(w) && (w.length > 1 || /\d/.test(w))).map(stem))];
}

// "No longer valid" is expired: "ça dit qu'il est plus valable", "ya no es válido", "non è più
// valido", "já não é válido". The meaning is in two words, so the one-word symptom table cannot
// hold it: "valid" alone would send "mot de passe non valide" (wrong password) to the expired
// code too. The phrase is rewritten to the articles' word for expired before anything else.
import type { Locale } from '../../core/providers/index.js';
import { foldAccents } from './text-folding.js';

const VALID = '(?:valid|valide|valides|valido|valida|validos|validas|valable|valables)';

const NO_LONGER_VALID: Readonly<Record<Locale, { phrase: RegExp; expired: string }>> = {
  en: { phrase: new RegExp(`\\b(?:no longer|not|isn'?t|aren'?t) ${VALID} anymore\\b|\\bno longer ${VALID}\\b`, 'g'), expired: 'expired' },
  es: { phrase: new RegExp(`\\bya no (?:es|son|esta|estan) ${VALID}\\b`, 'g'), expired: 'caducado' },
  fr: { phrase: new RegExp(`\\b(?:n'?est |sont )?plus ${VALID}\\b`, 'g'), expired: 'expire' },
  it: { phrase: new RegExp(`\\bnon (?:e |sono )?piu ${VALID}\\b`, 'g'), expired: 'scaduto' },
  pt: { phrase: new RegExp(`\\bja nao (?:e|esta|sao) ${VALID}\\b|\\bnao (?:e|esta|sao) mais ${VALID}\\b|\\bdeixou de ser ${VALID}\\b`, 'g'), expired: 'expirado' },
};

/** The question with "no longer valid" said as the articles say it (folded). */
export function withExpiredSaid(question: string, locale: Locale): string {
  const { phrase, expired } = NO_LONGER_VALID[locale];
  return foldAccents(question).replace(/[’`]/g, "'").replace(phrase, ` ${expired} `);
}

// Guessing a question's language from its common words and letters: enough to pick which
// index to search when the merchant's locale is unknown. Unsure means English.
import { LOCALES, type Locale } from '../../core/providers/index.js';
import { STOP_WORDS } from './stop-words.js';
import { wordsOf } from './search-terms.js';

/** Letters and words that give a language away even in a short question (folded words). */
const MARKERS: Readonly<Record<Locale, { letters: RegExp; words: readonly string[] }>> = {
  en: { letters: /\b(?:th|wh)/g, words: ['my', 'the', 'not', 'code', 'orders', 'store', 'password', 'what', 'why', 'how', 'says', 'isn', 'doesn', 'don', 'can', 't'] },
  es: { letters: /[ñ¿¡]|cion\b|ción\b/g, words: ['mi', 'el', 'pedidos', 'contrasena', 'codigo', 'local', 'dice', 'llega', 'esta', 'tienda', 'cuenta', 'horario', 'carta', 'donde', 'porque', 'hola', 'pide', 'funciona'] },
  fr: { letters: /[çœ]|[eèêë]au|[àâêîôûù]/g, words: ['le', 'les', 'je', 'mon', 'ma', 'n', 'pas', 'mot', 'passe', 'commandes', 'arrive', 'est', 'ne', 'quoi', 'pourquoi', 'bonjour', 'demande', 'une', 'sur', 'oublie', 'mdp'] },
  it: { letters: /(?:zion|gli|cch|zz|gn)/g, words: ['il', 'non', 'mio', 'mia', 'ordini', 'codice', 'arriva', 'perche', 'locale', 'dice', 'come', 'ciao', 'sono', 'della', 'chiuso', 'assistenza', 'risponde', 'riesco', 'funziona', 'ancora', 'dopo'] },
  pt: { letters: /[ãõ]|ção|lh|nh/g, words: ['meu', 'minha', 'nao', 'pedidos', 'senha', 'codigo', 'chega', 'loja', 'diz', 'esta', 'voce', 'porque', 'ola', 'conta'] },
};

export function detectLanguage(text: string, fallback: Locale = 'en'): Locale {
  const lower = text.toLowerCase();
  const words = wordsOf(text);
  let best: Locale = fallback;
  let bestScore = 0;
  for (const locale of LOCALES) {
    const { letters, words: markers } = MARKERS[locale];
    const stopHits = words.filter((w) => STOP_WORDS[locale].has(w)).length;
    const markerHits = words.filter((w) => markers.includes(w)).length;
    const letterHits = lower.match(letters)?.length ?? 0;
    const score = stopHits + 1.5 * markerHits + 2 * letterHits;
    if (score > bestScore) [best, bestScore] = [locale, score];
  }
  return best;
}

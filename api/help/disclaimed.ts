// What the merchant says the problem is not. "No es la contraseña", "c'est pas un souci de
// connexion", "non è un problema di password", "the password is fine", "a senha está certa":
// the words named there are those of the article the merchant rules out, and counted as any
// other word they pulled that article first. They are dropped before searching: after a negated
// "is" followed by a noun phrase (a determiner or "problem"), up to the next comma or "but";
// before an "is fine / right / correct", back to the previous comma or "but". A negated verb is
// the symptom itself ("no llegan pedidos", "not working", "non è valido") and stays.
import type { Locale } from '../../core/providers/index.js';
import { foldAccents } from './text-folding.js';

interface Disclaimers {
  /** A negated "is" and the start of a noun phrase. */
  notThe: string;
  /** "Is fine / right / correct". */
  isFine: string;
  /** Words that end the phrase a disclaimer is about. */
  boundary: string;
}

const DISCLAIMERS: Readonly<Record<Locale, Disclaimers>> = {
  en: { notThe: "(?:it'?s not|it is not|isn'?t|is not|not) (?:a|an|the|my|our|your)", isFine: "(?:is|are) (?:fine|ok|okay|right|correct|good)", boundary: 'but|and|because|it|its' },
  es: { notThe: 'no (?:es|son|era|fue) (?:el|la|los|las|un|una|problema|culpa)', isFine: '(?:esta|estan) (?:bien|ok|correcta|correcto|correctas|correctos|perfecta|perfecto)', boundary: 'pero|y|sino|porque|que' },
  fr: { notThe: "(?:c'?est pas|n'?est pas|c est pas|n est pas) (?:un|une|le|la|les|l|du|de|des|mon|ma|notre|souci|probleme)", isFine: '(?:est|sont) (?:bon|bons|bonne|bonnes|ok|correct|correcte|correctes|juste)', boundary: 'mais|et|car|que' },
  it: { notThe: "non (?:e|sono|era) (?:il|lo|la|i|gli|le|un|una|uno|l|un|problema|colpa)", isFine: '(?:e|sono) (?:giusta|giusto|giuste|giusti|corretta|corretto|ok|a posto)', boundary: 'ma|e|perche|che' },
  pt: { notThe: 'nao (?:e|sao|era|foi) (?:o|a|os|as|um|uma|problema|culpa)', isFine: '(?:esta|estao|ta) (?:certa|certo|certas|certos|correta|correto|ok|bem|boa)', boundary: 'mas|e|porque|que' },
};

/** Longest phrase a disclaimer covers, in words: after a negated "is", and before "is fine" ("la password l'ho rimessa tre volte ed è giusta"). */
const MAX_WORDS = 5;
const MAX_WORDS_BEFORE = 6;

const compiled = new Map<Locale, RegExp[]>();

function patternsOf(locale: Locale): RegExp[] {
  let patterns = compiled.get(locale);
  if (!patterns) {
    const { notThe, isFine, boundary } = DISCLAIMERS[locale];
    const word = `(?!(?:${boundary})\\b)[\\p{L}\\p{N}']+`;
    patterns = [
      new RegExp(`\\b${notThe}\\b(?: ${word}){0,${MAX_WORDS}}`, 'gu'),
      new RegExp(`\\b(?:${word} ){1,${MAX_WORDS_BEFORE}}${isFine}\\b`, 'gu'),
    ];
    compiled.set(locale, patterns);
  }
  return patterns;
}

/** The question without the phrases the merchant rules out (folded; commas and stops kept as boundaries). */
export function withoutDisclaimed(question: string, locale: Locale): string {
  const text = foldAccents(question).replace(/[’`]/g, "'").replace(/\s+/g, ' ');
  return patternsOf(locale).reduce((t, pattern) => t.replace(pattern, ' '), text);
}

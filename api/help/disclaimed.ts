// What the merchant says the problem is not. "No es la contraseña", "c'est pas un souci de
// connexion", "non è un problema di password", "the password is fine", "a senha está certa":
// the words named there are those of the article the merchant rules out, and counted as any
// other word they pulled that article first. They are dropped before searching: after a negated
// "is" followed by a noun phrase (a determiner or "problem"), up to the next comma or "but";
// before an "is fine / right / correct", back to the previous comma or "but". A negated verb is
// the symptom itself ("no llegan pedidos", "not working", "non è valido") and stays, and so does
// a phrase that denies correctness: "it's not the right password", "no es la contraseña
// correcta", "la contraseña no está bien" say what is wrong, not what is fine.
import type { Locale } from '../../core/providers/index.js';
import { foldAccents } from './text-folding.js';

interface Disclaimers {
  /** A negated "is" and the start of a noun phrase. */
  notThe: string;
  /** "Is fine / right / correct". */
  isFine: string;
  /** Words that end the phrase a disclaimer is about. */
  boundary: string;
  /** "Right / correct / good": "not the right X" is a symptom, not a disclaimer. */
  correct: string;
  /** The negation that turns "X is fine" into "X is not fine". */
  not: string;
}

const DISCLAIMERS: Readonly<Record<Locale, Disclaimers>> = {
  // English "not the" alone is a contrast ("the e-mails come, but not the SMS"): only a negated "is" disclaims.
  en: { notThe: "(?:it'?s not|it is not|isn'?t|is not) (?:a|an|the|my|our|your)", isFine: "(?:is|are) (?:fine|ok|okay|right|correct|good)", boundary: 'but|and|because|it|its', correct: 'right|correct|good|valid', not: "not|isn'?t|no" },
  es: { notThe: 'no (?:es|son|era|fue) (?:el|la|los|las|un|una|problema|culpa)', isFine: '(?:esta|estan) (?:bien|ok|correcta|correcto|correctas|correctos|perfecta|perfecto)', boundary: 'pero|y|sino|porque|que', correct: 'correcta|correcto|correctas|correctos|buena|bueno|valida|valido', not: 'no|nunca' },
  fr: { notThe: "(?:c'?est pas|n'?est pas|c est pas|n est pas) (?:un|une|le|la|les|l'\\p{L}+|l|du|de|des|mon|ma|notre|souci|probleme)", isFine: '(?:est|sont) (?:bon|bons|bonne|bonnes|ok|correct|correcte|correctes|juste)', boundary: 'mais|et|car|que', correct: 'bon|bonne|bons|bonnes|correct|correcte|juste|valide', not: 'ne|n|pas' },
  it: { notThe: "non (?:e|sono|era) (?:il|lo|la|i|gli|le|un|una|uno|l'\\p{L}+|l|problema|colpa)", isFine: '(?:e|sono) (?:giusta|giusto|giuste|giusti|corretta|corretto|ok|a posto)', boundary: 'ma|e|ed|perche|che', correct: 'giusta|giusto|giuste|giusti|corretta|corretto|valida|valido', not: 'non|mai' },
  pt: { notThe: 'nao (?:e|sao|era|foi) (?:o|a|os|as|um|uma|problema|culpa)', isFine: '(?:esta|estao|ta) (?:certa|certo|certas|certos|correta|correto|ok|bem|boa)', boundary: 'mas|e|porque|que', correct: 'certa|certo|certas|certos|correta|correto|boa|bom|valida|valido', not: 'nao|nunca' },
};

/** Longest phrase a disclaimer covers, in words: after a negated "is", and before "is fine" ("la password l'ho rimessa tre volte ed è giusta"). */
const MAX_WORDS = 5;
const MAX_WORDS_BEFORE = 6;

interface Compiled {
  notThe: RegExp;
  isFine: RegExp;
  /** A "not the …" phrase that denies correctness is kept. */
  deniesCorrectness: RegExp;
}
const compiled = new Map<Locale, Compiled>();

function patternsOf(locale: Locale): Compiled {
  let found = compiled.get(locale);
  if (!found) {
    const { notThe, isFine, boundary, correct, not } = DISCLAIMERS[locale];
    const word = `(?!(?:${boundary})\\b)[\\p{L}\\p{N}']+`;
    // Before "is fine", a negation word ends the phrase: "la contraseña no está bien" is no disclaimer.
    const wordBefore = `(?!(?:${boundary}|${not})\\b)[\\p{L}\\p{N}']+`;
    found = {
      notThe: new RegExp(`\\b${notThe}\\b(?: ${word}){0,${MAX_WORDS}}`, 'gu'),
      isFine: new RegExp(`\\b(?:${wordBefore} ){1,${MAX_WORDS_BEFORE}}${isFine}\\b`, 'gu'),
      deniesCorrectness: new RegExp(`\\b(?:${correct})\\b`, 'u'),
    };
    compiled.set(locale, found);
  }
  return found;
}

/** The question without the phrases the merchant rules out (folded; commas and stops kept as boundaries). */
export function withoutDisclaimed(question: string, locale: Locale): string {
  const text = foldAccents(question).replace(/[’`]/g, "'").replace(/\s+/g, ' ');
  const { notThe, isFine, deniesCorrectness } = patternsOf(locale);
  return text.replace(notThe, (phrase) => (deniesCorrectness.test(phrase) ? phrase : ' ')).replace(isFine, ' ');
}

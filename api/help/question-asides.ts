// Words of a question that say when, not what. "The boss changed the passwords at the weekend",
// "glovo è giù stasera", "the code expires before I have time": weekend, tonight and time are
// what the support-hours and reminders articles are about, so they carried those articles ahead
// of the problem the merchant names. A word saying when is dropped when two other words of the
// question name something an article is about; with less ("anyone there on a saturday night or
// do I wait", "alone in the kitchen tonight, can it wait?") it is the question. Days of the week
// and tomorrow are not among them: a day names a schedule (opening or support hours), tomorrow
// is always "later". Stored accent-folded.
import type { Locale } from '../../core/providers/index.js';
import { LANGUAGE_STEMMERS } from './language-stemmers.js';
import { termsOf, wordsOf } from './search-terms.js';
import { synonymsOf } from './query-synonyms.js';
import { STOP_WORDS } from './stop-words.js';
import { termWeight } from './term-weights.js';

const when = (list: string): ReadonlySet<string> => new Set(list.split(' '));

const WHEN_WORDS: Readonly<Record<Locale, ReadonlySet<string>>> = {
  en: when('tonight night evening weekend weekends time lunch dinner breakfast'),
  es: when('noche anoche semana finde tiempo almuerzo comida cena desayuno'),
  fr: when('soir soiree nuit weekend temps midi dejeuner diner'),
  it: when('stasera sera notte stanotte weekend tempo pranzo cena colazione'),
  pt: when('noite semana tempo almoco jantar'),
};

/**
 * "Again" says when as well, in words the articles use for something else: "outra vez" and
 * "otra vez" hold the "other" of "outra conta" (store not found), "de novo", "di nuovo", "de
 * nouveau" the "new" of "nova senha". Always dropped.
 */
const AGAIN: Readonly<Record<Locale, RegExp>> = {
  en: /\b(?:once more|one more time)\b/g,
  es: /\b(?:otra vez|de nuevo|una vez mas)\b/g,
  fr: /\b(?:une autre fois|encore une fois|de nouveau|a nouveau)\b/g,
  it: /\b(?:un altra volta|di nuovo|ancora una volta)\b/g,
  pt: /\b(?:outra vez|de novo|mais uma vez)\b/g,
};

/** Heavier than a word only article bodies use: a title or tag word of some article. */
const NAMING_WEIGHT = 0.25;

/** How many other words must name something before a word saying when is set aside. */
const NAMING_WORDS = 2;

/** The question's words without those saying when, if enough of its other words name something. */
export function withoutWhenWords(text: string, locale: Locale): string {
  const words = wordsOf(wordsOf(text).join(' ').replace(AGAIN[locale], ' '));
  const isWhen = (w: string): boolean => WHEN_WORDS[locale].has(w);
  const { stem } = LANGUAGE_STEMMERS[locale];
  const weight = (w: string): number => Math.max(termWeight(stem(w), locale), ...termsOf(synonymsOf(w, locale) ?? '', locale).map((t) => termWeight(t, locale)));
  const naming = new Set(words.filter((w) => !isWhen(w) && !STOP_WORDS[locale].has(w) && w.length > 1 && weight(w) > NAMING_WEIGHT).map(stem));
  return naming.size >= NAMING_WORDS ? words.filter((w) => !isWhen(w)).join(' ') : words.join(' ');
}

// Adjectives the articles use only in front of one noun: "new" in "new password", "nova senha",
// "nouveau mot de passe". Alone they are about something else ("sou novo cá", "abrimos local
// nuevo", "la nuova sede non compare"), yet they weighed as much as the password itself and
// carried the sign-in article. Such a word is kept only when the question also holds a word
// that the articles' tags put next to it (or a word the symptom table turns into one: "clave").
import type { Locale } from '../../core/providers/index.js';
import { allArticles } from './article-library.js';
import { LANGUAGE_STEMMERS } from './language-stemmers.js';
import { synonymsOf } from './query-synonyms.js';
import { termsOf, wordsOf } from './search-terms.js';

const modifiers = (list: string): ReadonlySet<string> => new Set(list.split(' '));

/** Folded; the articles decide which nouns each one goes with. */
const MODIFIERS: Readonly<Record<Locale, ReadonlySet<string>>> = {
  en: modifiers('new'),
  es: modifiers('nuevo nueva nuevos nuevas'),
  fr: modifiers('nouveau nouvelle nouveaux nouvel nouvelles'),
  it: modifiers('nuovo nuova nuovi nuove'),
  pt: modifiers('novo nova novos novas'),
};

const companionsByLocale = new Map<Locale, Map<string, Set<string>>>();

/** For each modifier's stem, the stems sharing a tag with it in the language's articles. */
function companionsOf(locale: Locale): Map<string, Set<string>> {
  let companions = companionsByLocale.get(locale);
  if (!companions) {
    const { stem } = LANGUAGE_STEMMERS[locale];
    const stems = new Set([...MODIFIERS[locale]].map(stem));
    companions = new Map([...stems].map((s) => [s, new Set<string>()]));
    for (const tag of allArticles().flatMap((a) => (a.locale === locale ? a.tags : []))) {
      const terms = termsOf(tag, locale);
      for (const t of terms) for (const other of terms) if (t !== other) companions.get(t)?.add(other);
    }
    companionsByLocale.set(locale, companions);
  }
  return companions;
}

/** The noun or its clipped form ("la pass" for the password), four letters at least. */
const clipped = (held: string, noun: string): boolean => held === noun || (held.length >= 4 && noun.startsWith(held));

/** The question's words without modifiers whose noun it does not hold. */
export function withoutLoneModifiers(text: string, locale: Locale): string {
  const words = wordsOf(text);
  const { stem } = LANGUAGE_STEMMERS[locale];
  const held = new Set(words.flatMap((w) => [...termsOf(w, locale), ...termsOf(synonymsOf(w, locale) ?? '', locale)]));
  const companions = companionsOf(locale);
  const alone = (w: string): boolean => {
    const nouns = MODIFIERS[locale].has(w) ? companions.get(stem(w)) : undefined;
    return nouns !== undefined && ![...nouns].some((n) => [...held].some((h) => clipped(h, n)));
  };
  return words.filter((w) => !alone(w)).join(' ');
}

// The locale glossaries (core/i18n/glossary/<locale>.json) as data, and where texts break them.
import { readFileSync } from 'node:fs';
import type { Locale } from '../../core/i18n/index.js';
import { merchantTexts } from './merchant-texts.js';

export interface Glossary {
  locale: Locale;
  address: string;
  concepts: Array<{ concept: string; use: string[]; banned: string[] }>;
}

export const glossaryOf = (locale: Locale): Glossary =>
  JSON.parse(readFileSync(new URL(`../../core/i18n/glossary/${locale}.json`, import.meta.url), 'utf8')) as Glossary;

/** Lower case without accents, so "Você" and "voce" both match "você". */
export const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Placeholders name data, not words: "{provider}" is not the word provider. */
const withoutPlaceholders = (text: string): string => text.replace(/\{[\w.]+\}/g, ' ');

/** Each banned word as a whole word (letters on neither side), with what to say instead. */
export function bannedMatchers(glossary: Glossary): Array<{ word: string; instead: string; pattern: RegExp }> {
  return glossary.concepts.flatMap(({ use, banned }) =>
    banned.map((word) => ({ word, instead: use.join(' / '), pattern: new RegExp(`(?<![\\p{L}\\p{N}-])${escape(fold(word))}(?![\\p{L}\\p{N}-])`, 'u') })),
  );
}

export function glossaryFindings(locale: Locale): string[] {
  const matchers = bannedMatchers(glossaryOf(locale));
  return merchantTexts(locale).flatMap(({ where, text }) => {
    const folded = fold(withoutPlaceholders(text));
    return matchers.filter((m) => m.pattern.test(folded)).map((m) => `${where}: "${m.word}" (use ${m.instead})`);
  });
}

// Flat ICU messages per locale, read once per process: i18n/translations/<locale>.json (alerts and shared
// labels) and i18n/pages/<locale>.json (the merchant pages). A key in both files is a mistake.
import { readFileSync } from 'node:fs';
import type { Locale } from './locales.js';

const SOURCES = [new URL('./translations/', import.meta.url), new URL('./pages/', import.meta.url)];
const catalogues = new Map<Locale, Readonly<Record<string, string>>>();

function load(locale: Locale): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const dir of SOURCES) {
    const part = JSON.parse(readFileSync(new URL(`${locale}.json`, dir), 'utf8')) as Record<string, string>;
    for (const [key, value] of Object.entries(part)) {
      if (Object.hasOwn(merged, key)) throw new Error(`message "${key}" is defined twice for locale "${locale}"`);
      merged[key] = value;
    }
  }
  return merged;
}

export function translationsOf(locale: Locale): Readonly<Record<string, string>> {
  let messages = catalogues.get(locale);
  if (!messages) {
    messages = Object.freeze(load(locale));
    catalogues.set(locale, messages);
  }
  return messages;
}

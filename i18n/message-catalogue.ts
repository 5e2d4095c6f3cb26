// Flat ICU messages per locale, in i18n/messages/<locale>.json, read once per process.
import { readFileSync } from 'node:fs';
import type { Locale } from './locales.js';

const MESSAGES_DIR = new URL('./messages/', import.meta.url);
const catalogues = new Map<Locale, Readonly<Record<string, string>>>();

export function messagesOf(locale: Locale): Readonly<Record<string, string>> {
  let messages = catalogues.get(locale);
  if (!messages) {
    messages = Object.freeze(JSON.parse(readFileSync(new URL(`${locale}.json`, MESSAGES_DIR), 'utf8')) as Record<string, string>);
    catalogues.set(locale, messages);
  }
  return messages;
}

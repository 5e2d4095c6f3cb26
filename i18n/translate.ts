// ICU messages (plurals, dates) per locale from templates/locales/<locale>.json, read once.
import { readFileSync } from 'node:fs';
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { LOCALES, pickLocale, type Locale } from '../providers/index.js';

export { pickLocale };
export type { Locale };

const LOCALES_DIR = new URL('../templates/locales/', import.meta.url);
const cache = createIntlCache();
const intls = new Map<Locale, IntlShape<string>>();

export function messagesOf(locale: Locale): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`${locale}.json`, LOCALES_DIR), 'utf8')) as Record<string, string>;
}

function intlFor(locale: Locale): IntlShape<string> {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl(
      {
        locale,
        defaultLocale: 'en',
        messages: { ...messagesOf('en'), ...messagesOf(locale) },
        // A missing key is a bug that tests must see, not a silent fallback.
        onError: (error) => {
          throw error;
        },
      },
      cache,
    );
    intls.set(locale, intl);
  }
  return intl;
}

export function translate(locale: string, key: string, values: Record<string, string | number> = {}): string {
  const intl = intlFor(pickLocale([locale]));
  if (!(key in intl.messages)) throw new Error(`missing message "${key}"`);
  return intl.formatMessage({ id: key }, values);
}

export function formatDate(locale: string, date: Date | string, timeZone: string): string {
  return intlFor(pickLocale([locale])).formatDate(new Date(date), { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

export const SUPPORTED_LOCALES: readonly Locale[] = LOCALES;

// ICU messages (plurals, selects, numbers) formatted by @formatjs/intl, one cached Intl per locale.
// A missing key or value throws: a template that asks for a text we do not have is a bug.
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { translationsOf } from './translation-catalogue.js';
import { pickLocale, type Locale } from './locales.js';
import { formattingLocale } from './formatting-locale.js';

export type MessageValues = Record<string, string | number>;

export class MissingMessageError extends Error {
  constructor(
    readonly locale: Locale,
    readonly key: string,
  ) {
    super(`no message "${key}" in locale "${locale}"`);
    this.name = 'MissingMessageError';
  }
}

const cache = createIntlCache();
const intls = new Map<Locale, IntlShape<string>>();

function intlFor(locale: Locale): IntlShape<string> {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl(
      {
        // pt-PT's plurals differ from Brazil's ("0 lojas"); English has no zone here and stays plain.
        locale: formattingLocale(locale),
        defaultLocale: 'en',
        messages: { ...translationsOf(locale) },
        // formatjs only logs by default; a bad message or a missing value must fail loudly.
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

/** The message `key` in `locale` (any tag: `es-ES` reads `es`), with ICU `values`. */
export function translate(locale: string, key: string, values: MessageValues = {}): string {
  const supported = pickLocale([locale]);
  const intl = intlFor(supported);
  if (!Object.hasOwn(intl.messages, key)) throw new MissingMessageError(supported, key);
  return intl.formatMessage({ id: key }, values);
}

/** "Deliveroo, Glovo and Uber Eats" in the locale's own words. */
export function formatList(locale: string, items: readonly string[]): string {
  return intlFor(pickLocale([locale])).formatList(items, { type: 'conjunction' });
}

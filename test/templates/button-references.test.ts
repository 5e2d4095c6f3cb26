// A text that names a button in quotes ("…", «…», “…”) uses that button's own label in the same
// language, so a merchant looking for it finds it on the page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../core/i18n/index.js';
import { PROVIDER_TEXTS } from '../../core/providers/texts/index.js';
import { merchantTexts } from './merchant-texts.js';

/** Quoted words that name no button: a key (file and key, as merchantTexts names it) and why. */
const NOT_BUTTONS: Readonly<Record<string, string>> = {
  'page.dev.body': 'the sandbox’s pretend phone, in scare quotes',
};

const QUOTED = /"([^"]+)"|«[\s\u00A0\u202F]*([^»]+?)[\s\u00A0\u202F]*»|“([^”]+)”/gu;

/** What the pages' buttons and links say: keys with an `action` or `button` part. */
function buttonLabels(locale: Locale): Set<string> {
  const pages = JSON.parse(readFileSync(new URL(`../../core/i18n/pages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
  return new Set(Object.entries(pages).filter(([key]) => /(^|\.)(action|button)(\.|$)/.test(key)).map(([, label]) => label));
}

export function quotedButtonNames(locale: Locale): Array<{ where: string; name: string }> {
  return merchantTexts(locale)
    .filter(({ where }) => !Object.keys(NOT_BUTTONS).some((key) => where.endsWith(` ${key}`)))
    .flatMap(({ where, text }) => [...text.matchAll(QUOTED)].map((m) => ({ where, name: (m[1] ?? m[2] ?? m[3])! })))
    .filter(({ name }) => !/\{\w+\}/.test(name));
}

describe('button references', () => {
  it.each(LOCALES)('%s texts quote only real button labels', (locale) => {
    const labels = buttonLabels(locale);
    const wrong = quotedButtonNames(locale).filter(({ name }) => !labels.has(name)).map(({ where, name }) => `${where}: "${name}"`);
    expect(wrong).toEqual([]);
  });

  it.each(LOCALES)('%s portal steps name the repair page’s own “steps done” button', (locale) => {
    expect(buttonLabels(locale).has(PROVIDER_TEXTS[locale].done), PROVIDER_TEXTS[locale].done).toBe(true);
  });

  it('finds the button names in the help articles', () => {
    expect(quotedButtonNames('es').map((q) => q.name)).toContain('Ya he hecho estos pasos');
  });
});

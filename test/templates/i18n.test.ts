// Every message in every language: same keys as English, valid ICU, the same arguments, and the
// helpers around them (locale choice, missing keys, plurals, dates).
import { describe, expect, it } from 'vitest';
import parser, { type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { formatDateTime, formatList, LOCALES, translationsOf, MissingMessageError, pickLocale, SUPPORTED_LOCALES, translate } from '../../core/i18n/index.js';

/** The argument names a message uses, with whether ICU needs a number for them. */
function argumentsOf(elements: MessageFormatElement[], found = new Map<string, boolean>()): Map<string, boolean> {
  for (const element of elements) {
    if ('value' in element && element.type !== parser.TYPE.literal && typeof element.value === 'string') {
      const numeric = element.type === parser.TYPE.plural || element.type === parser.TYPE.number;
      found.set(element.value, (found.get(element.value) ?? false) || numeric);
    }
    if ('options' in element) for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    if ('children' in element) argumentsOf(element.children, found);
  }
  return found;
}

const english = translationsOf('en');

describe('message catalogues', () => {
  it('cover the five supported languages', () => {
    expect([...SUPPORTED_LOCALES]).toEqual(['en', 'es', 'fr', 'it', 'pt']);
  });

  it.each(LOCALES)('%s has every English key and no key English lacks', (locale) => {
    const keys = Object.keys(translationsOf(locale));
    expect(keys.filter((k) => !(k in english))).toEqual([]);
    expect(Object.keys(english).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it.each(LOCALES)('%s messages parse, use the English arguments and format for one and for many', (locale) => {
    for (const [key, message] of Object.entries(translationsOf(locale))) {
      expect(message.trim(), key).not.toBe('');
      const args = argumentsOf(parser.parse(message));
      expect([...args.keys()].sort(), `${locale} ${key}`).toEqual([...argumentsOf(parser.parse(english[key]!)).keys()].sort());
      for (const count of [1, 7]) {
        const values = Object.fromEntries([...args].map(([name, numeric]) => [name, numeric ? count : `‹${name}›`]));
        const text = translate(locale, key, values);
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]|undefined|NaN/);
      }
    }
  });

  it('does not let a straight apostrophe swallow an ICU argument', () => {
    for (const locale of LOCALES) for (const [key, message] of Object.entries(translationsOf(locale))) expect(message, `${locale} ${key}`).not.toMatch(/'/);
  });
});

describe('translate', () => {
  it('applies plural rules per language', () => {
    expect(translate('es', 'alert.subject.action_needed_grouped', { storeCount: 1 })).toBe('Acción necesaria: 1 tienda desconectada');
    expect(translate('es', 'alert.subject.action_needed_grouped', { storeCount: 50 })).toBe('Acción necesaria: 50 tiendas desconectadas');
    expect(translate('fr', 'alert.label.stores', { count: 0 })).toBe('Magasin concerné');
    expect(translate('pt', 'alert.label.stores', { count: 2 })).toBe('Lojas afetadas (2)');
    expect(translate('it', 'alert.grouped.provider_heading', { provider: 'Glovo', count: 1200 })).toBe('Glovo: 1200 punti vendita');
  });

  it('reads a region tag as its language and unknown languages as English', () => {
    expect(translate('pt-BR', 'alert.button.repair')).toBe('Reparar agora');
    expect(translate('de', 'alert.button.repair')).toBe('Repair now');
  });

  it('throws on a missing key and on a missing value', () => {
    expect(() => translate('fr', 'alert.nope')).toThrow(MissingMessageError);
    expect(() => translate('en', 'alert.subject.reminder')).toThrow();
  });

  it('joins lists the way each language does', () => {
    expect(formatList('en', ['Deliveroo', 'Glovo', 'Uber Eats'])).toBe('Deliveroo, Glovo, and Uber Eats');
    expect(formatList('es', ['Deliveroo', 'Uber Eats'])).toBe('Deliveroo y Uber Eats');
    expect(formatList('it', ['Deliveroo', 'Uber Eats'])).toBe('Deliveroo e Uber Eats');
  });
});

describe('pickLocale', () => {
  it('takes the first supported candidate', () => {
    expect(pickLocale([null, undefined, 'de-DE', 'es-ES', 'fr'])).toBe('es');
    expect(pickLocale(['PT_pt'])).toBe('pt');
    expect(pickLocale(['it'])).toBe('it');
  });

  it('falls back to English', () => {
    expect(pickLocale([])).toBe('en');
    expect(pickLocale(['', 'zz', null])).toBe('en');
  });
});

describe('formatDateTime', () => {
  it('shows the time in the organization zone, in the reader language', () => {
    expect(formatDateTime('es', '2026-07-01T10:00:00Z', 'Europe/Madrid')).toMatch(/1 jul 2026.*12:00/);
    expect(formatDateTime('en', '2026-07-01T10:00:00Z', 'America/New_York')).toMatch(/Jul 1, 2026.*6:00/);
  });

  it('rejects what it cannot show', () => {
    expect(() => formatDateTime('en', 'yesterday', 'UTC')).toThrow(/ISO/);
    expect(() => formatDateTime('en', '2026-07-01T10:00:00Z', 'Mars/Olympus')).toThrow(/zone/);
  });
});

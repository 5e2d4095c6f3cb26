// Every text a person reads about provider errors exists in every language, filled with real names.
import { describe, expect, it } from 'vitest';
import {
  causeLabel, causesOf, ERROR_TYPES, errorTypeLabel, LOCALES, PROVIDER_TEXTS, PROVIDERS, portalMenusFor, portalSteps, resolutionLabel, RESOLUTIONS, STORE_CONFIG_CAUSES,
} from '../../core/providers/index.js';

const combos = PROVIDERS.flatMap((p) => causesOf(p.id).flatMap((cause) => LOCALES.map((locale) => [p.id, cause, locale] as const)));

describe('labels', () => {
  it.each(LOCALES)('exist in %s for every error type, cause and resolution', (locale) => {
    for (const type of ERROR_TYPES) expect(errorTypeLabel(type, locale).trim()).not.toBe('');
    for (const cause of STORE_CONFIG_CAUSES) expect(causeLabel(cause, locale).trim()).not.toBe('');
    for (const resolution of RESOLUTIONS) expect(resolutionLabel(resolution, locale).trim()).not.toBe('');
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('are translated in %s, not copied from English', (locale) => {
    const texts = PROVIDER_TEXTS[locale];
    for (const type of ERROR_TYPES) expect(texts.errorTypes[type]).not.toBe(PROVIDER_TEXTS.en.errorTypes[type]);
    for (const cause of STORE_CONFIG_CAUSES) expect(texts.causes[cause]).not.toBe(PROVIDER_TEXTS.en.causes[cause]);
    expect(texts.done).not.toBe(PROVIDER_TEXTS.en.done);
  });

  it('fall back to English for a language we do not have', () => {
    expect(errorTypeLabel('invalid_credentials', 'de')).toBe(errorTypeLabel('invalid_credentials', 'en'));
    expect(resolutionLabel('retry', '__proto__')).toBe(resolutionLabel('retry', 'en'));
  });
});

describe('merchant-portal steps', () => {
  it.each(combos)('%s / %s in %s: 3 to 6 steps naming the portal and its menus', (provider, cause, locale) => {
    const entry = PROVIDERS.find((p) => p.id === provider)!;
    const steps = portalSteps(provider, cause, locale);
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps.length).toBeLessThanOrEqual(6);
    for (const step of steps) expect(step.trim()).not.toBe('');
    const text = steps.join('\n');
    expect(text).not.toMatch(/\{\w+\}/);
    expect(text).toContain(entry.portalName);
    expect(Object.values(portalMenusFor(entry, locale)).some((menu) => text.includes(menu))).toBe(true);
    expect(text).toContain(PROVIDER_TEXTS[locale].done);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('are written in %s, not English', (locale) => {
    for (const p of PROVIDERS) for (const cause of causesOf(p.id)) expect(portalSteps(p.id, cause, locale)).not.toEqual(portalSteps(p.id, cause, 'en'));
  });

  it('quote the portal’s labels in the reader’s language where the portal is localized, else its English ones', () => {
    const uberEs = portalSteps('uber_eats', 'store_inactive', 'es').join('\n');
    expect(uberEs).toContain('«Disponibilidad de la tienda»');
    expect(uberEs).not.toContain('Store availability');
    expect(portalSteps('glovo', 'store_inactive', 'pt').join('\n')).toContain('Estado da loja');
    // DoorDash's merchant portal has no Spanish version: the merchant sees, and reads, its English labels.
    expect(portalSteps('doordash', 'store_inactive', 'es').join('\n')).toContain('«Store Availability»');
  });

  it('use a provider’s own process where it has one', () => {
    expect(portalSteps('deliveroo', 'store_inactive', 'en').join(' ')).toMatch(/site/i);
    expect(portalSteps('deliveroo', 'store_inactive', 'en')).not.toEqual(portalSteps('glovo', 'store_inactive', 'en').map((s) => s.replaceAll('Glovo', 'Deliveroo')));
  });

  it('have provider-specific lists for the same providers and causes in every language', () => {
    const shape = (locale: (typeof LOCALES)[number]) =>
      Object.entries(PROVIDER_TEXTS[locale].providerSteps).map(([id, byCause]) => `${id}:${Object.keys(byCause).sort().join(',')}`).sort();
    for (const locale of LOCALES) expect(shape(locale)).toEqual(shape('en'));
    for (const id of Object.keys(PROVIDER_TEXTS.en.providerSteps)) expect(PROVIDERS.map((p) => p.id)).toContain(id);
  });

  it('fall back to English for an unknown language', () => {
    expect(portalSteps('glovo', 'store_inactive', 'de')).toEqual(portalSteps('glovo', 'store_inactive', 'en'));
  });

  it.each(LOCALES)('have generic wording in %s for a provider outside the catalogue', (locale) => {
    for (const cause of STORE_CONFIG_CAUSES) {
      const steps = portalSteps('corner_shop', cause, locale);
      expect(steps.length).toBeGreaterThanOrEqual(3);
      expect(steps.join(' ')).not.toMatch(/\{\w+\}|undefined/);
      expect(steps.join(' ')).toContain('corner_shop');
    }
  });
});

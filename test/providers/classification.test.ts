// Every row of the catalogue classifies as it says; anything else is unknown and never throws.
import { describe, expect, it } from 'vitest';
import {
  catalogueView,
  classifyError,
  ERROR_TYPES,
  LOCALES,
  PROVIDER_TEXTS,
  PROVIDERS,
  portalSteps,
  resolutionFor,
  ruleFor,
  STORE_CONFIG_CAUSES,
} from '../../providers/index.js';

const rows = PROVIDERS.flatMap((p) => p.errors.map((rule) => ({ provider: p.id, ...rule })));

describe('the catalogue', () => {
  it('lists the 15 self-repair providers of the specification', () => {
    expect(PROVIDERS.map((p) => p.name)).toHaveLength(15);
    expect(PROVIDERS.map((p) => p.id)).toEqual([
      'uber_eats', 'doordash', 'grubhub', 'skipthedishes', 'deliveroo', 'just_eat', 'coupang_eats', 'baemin',
      'rappi', 'chownow', 'yogiyo', 'jahez', 'glovo', 'takeaway_web', 'foodpanda_web',
    ]);
  });

  it.each(PROVIDERS.map((p) => [p.id, p] as const))('%s covers every kind of failure', (_id, provider) => {
    const types = new Set(provider.errors.map((r) => r.errorType));
    for (const type of ['invalid_credentials', 'third_party_blocked', 'invalid_store_config', 'provider_unavailable'] as const) expect(types).toContain(type);
    expect(types.has('two_factor_required') || types.has('mfa_required')).toBe(true);
    expect(ruleFor(provider.id, 'invalid_store_config', 'store_inactive')).toBeDefined();
    expect(ruleFor(provider.id, 'invalid_store_config', 'store_not_found')).toBeDefined();
    expect(provider.errors.filter((r) => r.meaning).map((r) => r.meaning).sort()).toEqual(['code_expired', 'invalid_code']);
  });

  it('speaks differently for every provider', () => {
    const codeSets = PROVIDERS.map((p) => p.errors.map((r) => r.code).sort().join('|'));
    expect(new Set(codeSets).size).toBe(PROVIDERS.length);
  });
});

describe('classifyError', () => {
  it.each(rows.map((r) => [`${r.provider} ${r.code}${r.messagePattern ? ` (${r.messagePattern})` : ''}`, r] as const))('%s', (_name, row) => {
    const result = classifyError(row.provider, { errorCode: row.code, errorMessage: row.sampleMessage });
    expect(result).toEqual({
      providerId: row.provider,
      selfRepairable: true,
      errorType: row.errorType,
      cause: row.cause ?? null,
      resolution: resolutionFor(row.errorType),
      ruleCode: row.code,
    });
  });

  it('matches codes regardless of case', () => {
    expect(classifyError('deliveroo', { errorCode: 'restaurant_inactive' })).toMatchObject({ errorType: 'invalid_store_config', cause: 'store_inactive' });
  });

  it.each([
    ['an unknown code', 'uber_eats', 'SOMETHING.NEW'],
    ['an empty code', 'doordash', ''],
    ['a code of another provider', 'glovo', 'AUTH.INVALID_CREDENTIALS'],
  ])('classifies %s as unknown → support', (_name, provider, code) => {
    expect(classifyError(provider, { errorCode: code })).toMatchObject({ selfRepairable: true, errorType: 'unknown', resolution: 'support', ruleCode: null });
  });

  it('routes a provider outside the catalogue straight to support', () => {
    expect(classifyError('corner_shop_delivery', { errorCode: 'login_failed' })).toEqual({
      providerId: 'corner_shop_delivery', selfRepairable: false, errorType: 'unknown', cause: null, resolution: 'support', ruleCode: null,
    });
  });

  it('never throws, whatever it is given', () => {
    const junk: unknown[] = [null, undefined, 42, {}, [], '((', '\u0000', 'x'.repeat(10_000)];
    for (const provider of junk) for (const code of junk) for (const message of junk) {
      expect(() => classifyError(provider as string, { errorCode: code as string, errorMessage: message as string })).not.toThrow();
    }
    expect(() => classifyError('uber_eats', null as never)).not.toThrow();
  });
});

describe('texts', () => {
  it('labels every error type, cause and resolution in every locale', () => {
    for (const locale of LOCALES) {
      const texts = PROVIDER_TEXTS[locale];
      for (const type of ERROR_TYPES) expect(texts.errorTypes[type]).toBeTruthy();
      for (const cause of STORE_CONFIG_CAUSES) expect(texts.causes[cause]).toBeTruthy();
      for (const res of ['reconnect', 'merchant_portal', 'retry', 'support'] as const) expect(texts.resolutions[res]).toBeTruthy();
    }
  });

  it.each(PROVIDERS.flatMap((p) => p.errors.filter((r) => r.cause).flatMap((r) => LOCALES.map((l) => [p.id, r.cause!, l] as const))))(
    '%s / %s has portal steps in %s, with the provider\'s own names',
    (provider, cause, locale) => {
      const steps = portalSteps(provider, cause, locale);
      expect(steps.length).toBeGreaterThanOrEqual(3);
      expect(steps.join(' ')).not.toMatch(/\{\w+\}/);
      expect(steps.join(' ')).toContain(PROVIDERS.find((p) => p.id === provider)!.portalName);
    },
  );

  it('publishes the catalogue with labels for callers', () => {
    const view = catalogueView('fr');
    expect(view.providers).toHaveLength(15);
    expect(view.providers[0]!.errors[0]).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS', errorType: 'invalid_credentials', resolution: 'reconnect', errorTypeLabel: 'Les identifiants ne fonctionnent plus' });
  });
});

// The catalogue is data people and code rely on: every provider covers every failure, in its own words.
import { describe, expect, it } from 'vitest';
import { ERROR_ENVELOPES, findProvider, isSelfRepairable, PROVIDERS, ruleFor, secondFactorErrorType, type ProviderEntry } from '../../core/providers/index.js';

const SPEC_IDS = [
  'uber_eats', 'doordash', 'grubhub', 'skipthedishes', 'deliveroo', 'just_eat', 'coupang_eats', 'baemin',
  'rappi', 'chownow', 'yogiyo', 'jahez', 'glovo', 'takeaway_web', 'foodpanda_web',
];
const byProvider = PROVIDERS.map((p) => [p.id, p] as const);

describe('the provider list', () => {
  it('holds the 15 self-repair providers of the specification, in order, once each', () => {
    expect(PROVIDERS.map((p) => p.id)).toEqual(SPEC_IDS);
    expect(new Set(PROVIDERS.map((p) => p.name)).size).toBe(15);
  });

  it('finds catalogue providers and nothing else', () => {
    for (const id of SPEC_IDS) expect(findProvider(id)?.id).toBe(id);
    for (const other of ['', 'UBER_EATS', 'talabat', 'constructor', '__proto__', 'toString']) {
      expect(findProvider(other)).toBeUndefined();
      expect(isSelfRepairable(other)).toBe(false);
    }
  });

  it('uses between three and five error envelopes, each for at least one provider', () => {
    const used = new Set(PROVIDERS.map((p) => p.errorEnvelope));
    expect(used.size).toBeGreaterThanOrEqual(3);
    expect([...used].sort()).toEqual([...ERROR_ENVELOPES].sort());
  });
});

describe.each(byProvider)('%s', (_id, provider: ProviderEntry) => {
  const types = new Set(provider.errors.map((r) => r.errorType));

  it('has a rule for every kind of failure', () => {
    for (const type of ['invalid_credentials', 'third_party_blocked', 'invalid_store_config', 'provider_unavailable'] as const) expect(types).toContain(type);
    expect(types.has('two_factor_required') || types.has('mfa_required')).toBe(true);
    expect(types).not.toContain('unknown');
    expect(ruleFor(provider.id, 'invalid_store_config', 'store_inactive')).toBeDefined();
    expect(ruleFor(provider.id, 'invalid_store_config', 'store_not_found')).toBeDefined();
  });

  it('tells a wrong verification code from an expired one, in its second-factor type', () => {
    const rejections = provider.errors.filter((r) => r.meaning);
    expect(rejections.map((r) => r.meaning).sort()).toEqual(['code_expired', 'invalid_code']);
    for (const r of rejections) expect(r.errorType).toBe(secondFactorErrorType(provider.id));
    expect(ruleFor(provider.id, secondFactorErrorType(provider.id))?.meaning).toBeUndefined();
  });

  it('keeps causes on store-configuration rules only', () => {
    for (const r of provider.errors) expect(r.cause !== undefined).toBe(r.errorType === 'invalid_store_config');
  });

  it('answers with plausible HTTP statuses: 4xx refusals, 5xx outages', () => {
    for (const r of provider.errors) {
      const [min, max] = r.errorType === 'provider_unavailable' ? [500, 599] : [400, 499];
      expect(r.httpStatus, r.code).toBeGreaterThanOrEqual(min);
      expect(r.httpStatus, r.code).toBeLessThanOrEqual(max);
    }
  });

  it('writes every message pattern as a valid expression that recognizes its own sample', () => {
    for (const r of provider.errors.filter((x) => x.messagePattern)) expect(new RegExp(r.messagePattern!, 'i').test(r.sampleMessage)).toBe(true);
  });

  it('gives every code that several rules share a message pattern on each', () => {
    const counts = new Map<string, number>();
    for (const r of provider.errors) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
    for (const r of provider.errors) if (counts.get(r.code)! > 1) expect(r.messagePattern, r.code).toBeTruthy();
  });

  it('points at secure portal and help pages and names every portal menu', () => {
    expect(provider.portalUrl).toMatch(/^https:\/\//);
    expect(provider.helpUrl).toMatch(/^https:\/\//);
    for (const label of Object.values(provider.portalMenus)) expect(label.trim()).not.toBe('');
  });
});

describe('each provider speaks its own words', () => {
  it('has a code set no other provider has', () => {
    const codeSets = PROVIDERS.map((p) => [...new Set(p.errors.map((r) => r.code))].sort().join('|'));
    expect(new Set(codeSets).size).toBe(PROVIDERS.length);
  });

  it('shares no single code with another provider', () => {
    const owner = new Map<string, string>();
    for (const p of PROVIDERS) {
      for (const code of new Set(p.errors.map((r) => r.code.toLowerCase()))) {
        expect(owner.get(code), `${code} of ${p.id}`).toBeUndefined();
        owner.set(code, p.id);
      }
    }
  });

  it('keeps the seed article’s examples: Deliveroo restaurant inactive, Uber Eats non-traditional login', () => {
    expect(ruleFor('deliveroo', 'invalid_store_config', 'store_inactive')?.code).toBe('RESTAURANT_INACTIVE');
    expect(ruleFor('uber_eats', 'invalid_store_config', 'non_traditional_login')).toBeDefined();
  });
});

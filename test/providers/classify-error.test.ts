// Every row of the catalogue classifies as it says; anything else is unknown, and nothing throws.
import { describe, expect, it } from 'vitest';
import { classifyError, codeRejection, ERROR_TYPES, PROVIDERS, resolutionFor } from '../../core/providers/index.js';

const rows = PROVIDERS.flatMap((p) => p.errors.map((rule) => ({ provider: p.id, ...rule })));
const name = (r: (typeof rows)[number]) => `${r.provider} ${r.code}${r.messagePattern ? ` /${r.messagePattern}/` : ''}`;
const expected = (r: (typeof rows)[number]) => ({
  providerId: r.provider,
  selfRepairable: true,
  errorType: r.errorType,
  cause: r.cause ?? null,
  resolution: resolutionFor(r.errorType),
  ruleCode: r.code,
});

describe('every catalogue rule', () => {
  it.each(rows.map((r) => [name(r), r] as const))('%s classifies from its code and message', (_name, row) => {
    expect(classifyError(row.provider, { errorCode: row.code, errorMessage: row.sampleMessage })).toEqual(expected(row));
  });

  const unshared = rows.filter((r) => rows.filter((o) => o.provider === r.provider && o.code === r.code).length === 1);
  it.each(unshared.map((r) => [name(r), r] as const))('%s classifies from its code alone, in any case', (_name, row) => {
    expect(classifyError(row.provider, { errorCode: row.code })).toEqual(expected(row));
    expect(classifyError(row.provider, { errorCode: ` ${row.code.toLowerCase()} ` })).toEqual(expected(row));
  });

  const patterned = rows.filter((r) => r.messagePattern);
  it.each(patterned.map((r) => [name(r), r] as const))('%s classifies from its message when the code is missing', (_name, row) => {
    expect(classifyError(row.provider, { errorCode: '', errorMessage: row.sampleMessage })).toEqual(expected(row));
  });
});

describe('resolutions', () => {
  it.each([
    ['invalid_credentials', 'reconnect'],
    ['two_factor_required', 'reconnect'],
    ['mfa_required', 'reconnect'],
    ['third_party_blocked', 'reconnect'],
    ['invalid_store_config', 'merchant_portal'],
    ['provider_unavailable', 'retry'],
    ['unknown', 'support'],
  ] as const)('%s → %s', (type, resolution) => {
    expect(resolutionFor(type)).toBe(resolution);
  });

  it('covers every error type', () => {
    for (const type of ERROR_TYPES) expect(resolutionFor(type)).toBeTruthy();
  });
});

describe('a shared code', () => {
  it('is told apart by its message', () => {
    expect(classifyError('chownow', { errorCode: 'invalid_grant', errorMessage: 'Invalid username or password.' }).errorType).toBe('invalid_credentials');
    expect(classifyError('chownow', { errorCode: 'invalid_grant', errorMessage: 'Grant revoked by the owner' }).errorType).toBe('third_party_blocked');
  });

  it('keeps its first meaning when the message says nothing useful', () => {
    expect(classifyError('chownow', { errorCode: 'invalid_grant' }).errorType).toBe('invalid_credentials');
    expect(classifyError('chownow', { errorCode: 'invalid_grant', errorMessage: '???' }).errorType).toBe('invalid_credentials');
  });
});

describe('what the catalogue does not know', () => {
  it.each([
    ['an unknown code', 'uber_eats', 'AUTH.SOMETHING_NEW', 'The email or password you entered is incorrect.'],
    ['an empty code and no message', 'doordash', '', undefined],
    ['an empty code and a message no pattern knows', 'takeaway_web', '', 'Er ging iets mis'],
    ['a code of another provider', 'glovo', 'AUTH.INVALID_CREDENTIALS', undefined],
    ['a code that is a prefix of a real one', 'deliveroo', 'RESTAURANT', undefined],
  ])('classifies %s as unknown → support', (_name, provider, code, message) => {
    expect(classifyError(provider, { errorCode: code, errorMessage: message })).toEqual({
      providerId: provider, selfRepairable: true, errorType: 'unknown', cause: null, resolution: 'support', ruleCode: null,
    });
  });

  it('routes a provider outside the catalogue straight to support, whatever the code', () => {
    for (const code of ['login_failed', 'AUTH.INVALID_CREDENTIALS', '']) {
      expect(classifyError('corner_shop_delivery', { errorCode: code })).toEqual({
        providerId: 'corner_shop_delivery', selfRepairable: false, errorType: 'unknown', cause: null, resolution: 'support', ruleCode: null,
      });
    }
  });

  it('treats a code of the wrong kind as no rejection of a verification code', () => {
    expect(codeRejection('uber_eats', 'AUTH.OTP_INVALID')).toBe('invalid_code');
    expect(codeRejection('uber_eats', 'auth.otp_expired')).toBe('code_expired');
    expect(codeRejection('uber_eats', 'AUTH.OTP_REQUIRED')).toBeNull();
    expect(codeRejection('nobody', 'AUTH.OTP_INVALID')).toBeNull();
    expect(codeRejection('uber_eats', 42 as unknown as string)).toBeNull();
  });
});

/** A small seeded generator: the same "random" inputs on every run, so a failure reproduces. */
function* junkStrings(seed: number, count: number): Generator<string> {
  const alphabet = ['a', 'Z', '0', '.', '_', '-', '(', ')', '[', '*', '+', '?', '\\', '$', '^', '|', ' ', '\u0000', '\u{1F355}', '가', 'é', '\n'];
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < count; i++) {
    const length = next() % 40;
    yield Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
  }
}

describe('robustness', () => {
  it('never throws, whatever it is given', () => {
    const odd: unknown[] = [null, undefined, 42, {}, [], Symbol('x'), () => 1, 'x'.repeat(100_000), ...junkStrings(7, 60)];
    const providers: unknown[] = [...odd, ...PROVIDERS.map((p) => p.id)];
    for (const provider of providers) {
      for (const code of odd) {
        for (const message of [undefined, 'password', ...junkStrings(11, 3)]) {
          const result = classifyError(provider as string, { errorCode: code as string, errorMessage: message });
          expect(ERROR_TYPES).toContain(result.errorType);
        }
      }
    }
    for (const report of [null, undefined, 'AUTH', 7, {}]) expect(() => classifyError('uber_eats', report as never)).not.toThrow();
  });
});

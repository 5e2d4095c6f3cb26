// Finding providers and their rules in the catalogue.
import { PROVIDERS } from './catalogue/index.js';
import type { CodeRejection, ErrorRule, ErrorType, ProviderEntry, StoreConfigCause } from './types.js';

const BY_ID: ReadonlyMap<string, ProviderEntry> = new Map(PROVIDERS.map((p) => [p.id, p]));

export const findProvider = (id: string): ProviderEntry | undefined => (typeof id === 'string' ? BY_ID.get(id) : undefined);

/** Self-repair exists for catalogue providers only; any other provider goes to support. */
export const isSelfRepairable = (id: string): boolean => findProvider(id) !== undefined;

/**
 * The first rule of a type (and cause): what the sandbox answers for that condition. Rules that
 * judge a submitted code are left out: they answer a verification, not a state of the account.
 */
export function ruleFor(providerId: string, errorType: ErrorType, cause?: StoreConfigCause): ErrorRule | undefined {
  return findProvider(providerId)?.errors.find((r) => r.errorType === errorType && (cause === undefined || r.cause === cause) && !r.meaning);
}

/** The rule a provider answers when a verification code is wrong or expired. */
export function codeRejectionRule(providerId: string, meaning: CodeRejection): ErrorRule | undefined {
  return findProvider(providerId)?.errors.find((r) => r.meaning === meaning);
}

/** Whether an error a provider answered to a verification code means the code was wrong or expired. */
export function codeRejection(providerId: string, code: string): CodeRejection | null {
  if (typeof code !== 'string') return null;
  return findProvider(providerId)?.errors.find((r) => r.meaning && r.code.toLowerCase() === code.toLowerCase())?.meaning ?? null;
}

/** The second-factor type a provider uses: MFA for some, 2FA for most. */
export function secondFactorErrorType(providerId: string): 'two_factor_required' | 'mfa_required' {
  return ruleFor(providerId, 'mfa_required') ? 'mfa_required' : 'two_factor_required';
}

/** Every store-configuration cause a provider reports, in catalogue order. */
export function causesOf(providerId: string): StoreConfigCause[] {
  const causes = findProvider(providerId)?.errors.flatMap((r) => (r.cause ? [r.cause] : [])) ?? [];
  return [...new Set(causes)];
}

// Maps a provider's raw error to an error type and resolution. Never throws: anything it does not
// know is `unknown` and goes to support.
import { PROVIDERS } from './catalogue.js';
import type { Classification, ErrorRule, ErrorType, ProviderEntry, Resolution, StoreConfigCause } from './types.js';

const BY_ID = new Map(PROVIDERS.map((p) => [p.id, p]));

export const findProvider = (id: string): ProviderEntry | undefined => BY_ID.get(id);
export const isSelfRepairable = (id: string): boolean => BY_ID.has(id);

const RESOLUTION_BY_TYPE: Record<ErrorType, Resolution> = {
  invalid_credentials: 'reconnect',
  two_factor_required: 'reconnect',
  mfa_required: 'reconnect',
  third_party_blocked: 'reconnect',
  invalid_store_config: 'merchant_portal',
  provider_unavailable: 'retry',
  unknown: 'support',
};

export const resolutionFor = (type: ErrorType): Resolution => RESOLUTION_BY_TYPE[type];

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'i').test(text);
  } catch {
    return false;
  }
}

/** Exact code first, then case-insensitive; when a code has several rules, the message decides. */
function matchRule(provider: ProviderEntry, code: string, message: string): ErrorRule | undefined {
  const exact = provider.errors.filter((r) => r.code === code);
  const candidates = exact.length ? exact : provider.errors.filter((r) => r.code.toLowerCase() === code.toLowerCase());
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((r) => r.messagePattern && safeTest(r.messagePattern, message)) ?? candidates.find((r) => !r.messagePattern) ?? candidates[0];
}

export function classifyError(providerId: string, report: { errorCode: string; errorMessage?: string }): Classification {
  const provider = typeof providerId === 'string' ? BY_ID.get(providerId) : undefined;
  const code = typeof report?.errorCode === 'string' ? report.errorCode.trim() : '';
  const message = typeof report?.errorMessage === 'string' ? report.errorMessage : '';
  const rule = provider && code ? matchRule(provider, code, message) : undefined;
  // A second-factor rule that says "wrong code" still means the provider wants a code: same type.
  const errorType: ErrorType = provider && rule ? rule.errorType : 'unknown';
  return {
    providerId,
    selfRepairable: provider !== undefined,
    errorType,
    cause: rule?.cause ?? null,
    resolution: provider ? RESOLUTION_BY_TYPE[errorType] : 'support',
    ruleCode: rule?.code ?? null,
  };
}

/** The first rule of a type (and cause): what the sandbox answers for that condition. */
export function ruleFor(providerId: string, errorType: ErrorType, cause?: StoreConfigCause): ErrorRule | undefined {
  return BY_ID.get(providerId)?.errors.find((r) => r.errorType === errorType && (cause === undefined || r.cause === cause) && !r.meaning);
}

/** The rule meaning "that code was wrong" (or expired) for a provider. */
export function codeRejectionRule(providerId: string, meaning: 'invalid_code' | 'code_expired'): ErrorRule | undefined {
  return BY_ID.get(providerId)?.errors.find((r) => r.meaning === meaning);
}

/** Whether a code a provider answered to a verification code means the code was wrong or expired. */
export function codeRejection(providerId: string, code: string): 'invalid_code' | 'code_expired' | null {
  return BY_ID.get(providerId)?.errors.find((r) => r.code === code && r.meaning)?.meaning ?? null;
}

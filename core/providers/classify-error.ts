// Maps a provider's raw error to an error type and resolution. Never throws: anything it does not
// know is `unknown` and goes to support.
import { findProvider } from './provider-lookup.js';
import { resolutionFor } from './resolutions.js';
import type { Classification, ErrorRule, ProviderEntry } from './types.js';

export interface ErrorReport {
  errorCode: string;
  errorMessage?: string;
}

/** Patterns are catalogue data, but a bad one must not take classification down with it. */
function matches(pattern: string | undefined, text: string): boolean {
  if (!pattern || !text) return false;
  try {
    return new RegExp(pattern, 'i').test(text);
  } catch {
    return false;
  }
}

/** Exact code first, then case-insensitive; rules sharing a code are told apart by the message. */
function byCode(provider: ProviderEntry, code: string, message: string): ErrorRule | undefined {
  const exact = provider.errors.filter((r) => r.code === code);
  const candidates = exact.length > 0 ? exact : provider.errors.filter((r) => r.code.toLowerCase() === code.toLowerCase());
  if (candidates.length <= 1) return candidates[0];
  // A shared code whose message matches no pattern keeps the first meaning listed for it.
  return candidates.find((r) => matches(r.messagePattern, message)) ?? candidates[0];
}

/** Without a code, only a rule whose pattern recognizes the message can classify it. */
const byMessage = (provider: ProviderEntry, message: string): ErrorRule | undefined => provider.errors.find((r) => matches(r.messagePattern, message));

const asText = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function classifyError(providerId: string, report: ErrorReport): Classification {
  const provider = findProvider(providerId);
  const code = asText(report?.errorCode);
  const message = asText(report?.errorMessage);
  const rule = provider ? (code ? byCode(provider, code, message) : byMessage(provider, message)) : undefined;
  const errorType = rule?.errorType ?? 'unknown';
  return {
    providerId,
    selfRepairable: provider !== undefined,
    errorType,
    cause: rule?.cause ?? null,
    resolution: resolutionFor(errorType),
    ruleCode: rule?.code ?? null,
  };
}

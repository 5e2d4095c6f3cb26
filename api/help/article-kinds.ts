// The kinds of provider articles: one per error type, and one per store-configuration cause.
import { findProvider, type ErrorType, type ProviderEntry, type StoreConfigCause } from '../../core/providers/index.js';

export interface ArticleKind {
  /** The template's file name (without .md): the error type, or the cause for store-config errors. */
  template: string;
  /** The end of the slug: `deliveroo-store-inactive`. */
  slugSuffix: string;
  errorType: ErrorType;
  cause?: StoreConfigCause;
}

const KIND_SUFFIX: Record<string, string> = {
  invalid_credentials: 'invalid-credentials',
  two_factor_required: 'two-factor',
  mfa_required: 'mfa',
  third_party_blocked: 'third-party-blocked',
  provider_unavailable: 'provider-unavailable',
};

/** Every kind a provider's catalogue rules report, in catalogue order, without duplicates. */
export function articleKindsOf(provider: ProviderEntry): ArticleKind[] {
  const kinds = new Map<string, ArticleKind>();
  for (const rule of provider.errors) {
    if (rule.errorType === 'unknown') continue;
    const template = rule.cause ?? rule.errorType;
    if (kinds.has(template)) continue;
    const slugSuffix = KIND_SUFFIX[template] ?? template.replaceAll('_', '-');
    kinds.set(template, { template, slugSuffix, errorType: rule.errorType, ...(rule.cause ? { cause: rule.cause } : {}) });
  }
  return [...kinds.values()];
}

/** Provider ids use underscores; slugs use dashes. */
export const providerSlug = (providerId: string): string => providerId.replaceAll('_', '-');

export const articleSlug = (providerId: string, kind: ArticleKind): string => `${providerSlug(providerId)}-${kind.slugSuffix}`;

/** The slug of the article for a repair's provider, error type and cause, if the catalogue has one. */
export function slugForRepair(providerId: string, errorType: string | null | undefined, cause?: string | null): string | undefined {
  const provider = findProvider(providerId);
  if (!provider || !errorType) return undefined;
  const kind = articleKindsOf(provider).find((k) => k.errorType === errorType && (k.cause === undefined || k.cause === cause));
  return kind ? articleSlug(provider.id, kind) : undefined;
}

/**
 * General articles that tell, for no provider in particular, what a provider article tells for
 * one. When the merchant names the provider, its own article is the better answer, so these
 * step aside; the account articles (contacts, support hours, alerts, reminders) do not.
 */
export const GENERAL_STAND_INS: ReadonlySet<string> = new Set([
  'sign-in-details-changed',
  'reconnect-with-verification-code',
  'store-needs-fix-at-provider',
  'provider-outage',
]);

/**
 * The error types a stand-in tells about: when the merchant names a provider, what made the
 * stand-in match ("not working for everyone") counts for that provider's own article of the type.
 */
export const STAND_IN_ERROR_TYPES: Readonly<Record<string, readonly ErrorType[]>> = {
  'sign-in-details-changed': ['invalid_credentials'],
  'reconnect-with-verification-code': ['two_factor_required', 'mfa_required'],
  'provider-outage': ['provider_unavailable'],
};

// The catalogue as GET /v1/providers publishes it: backend callers read which codes to report,
// what each means, and what the merchant will be asked to do. JSON-friendly, labels localized.
import { PROVIDERS } from './catalogue/index.js';
import { causesOf } from './provider-lookup.js';
import { resolutionFor } from './resolutions.js';
import { causeLabel, errorTypeLabel, portalSteps, resolutionLabel } from './texts/index.js';
import type { ErrorRule, Locale, ProviderEntry } from './types.js';

function ruleView(rule: ErrorRule, locale: Locale) {
  const resolution = resolutionFor(rule.errorType);
  return {
    code: rule.code,
    ...(rule.messagePattern ? { messagePattern: rule.messagePattern } : {}),
    sampleMessage: rule.sampleMessage,
    httpStatus: rule.httpStatus,
    errorType: rule.errorType,
    errorTypeLabel: errorTypeLabel(rule.errorType, locale),
    cause: rule.cause ?? null,
    causeLabel: rule.cause ? causeLabel(rule.cause, locale) : null,
    resolution,
    resolutionLabel: resolutionLabel(resolution, locale),
    ...(rule.meaning ? { meaning: rule.meaning } : {}),
  };
}

function providerView(provider: ProviderEntry, locale: Locale) {
  return {
    id: provider.id,
    name: provider.name,
    selfRepairable: true,
    secondFactor: provider.secondFactor,
    portalName: provider.portalName,
    portalUrl: provider.portalUrl,
    helpUrl: provider.helpUrl,
    requiresMerchantOperationsContact: provider.requiresMerchantOperationsContact,
    errors: provider.errors.map((rule) => ruleView(rule, locale)),
    causes: causesOf(provider.id).map((cause) => ({ cause, label: causeLabel(cause, locale), steps: portalSteps(provider.id, cause, locale) })),
  };
}

export type CatalogueView = ReturnType<typeof catalogueView>;

export function catalogueView(locale: Locale) {
  return {
    locale,
    providers: PROVIDERS.map((provider) => providerView(provider, locale)),
    // Any other provider is accepted and recorded; its repairs go straight to support.
    otherProviders: { selfRepairable: false, errorType: 'unknown' as const, resolution: 'support' as const },
  };
}

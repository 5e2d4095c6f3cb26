// The catalogue as GET /v1/providers publishes it: backend callers use it to report the right codes.
import { PROVIDERS } from './catalogue.js';
import { resolutionFor } from './classify.js';
import { causeLabel, errorTypeLabel, resolutionLabel } from './texts/index.js';
import type { Locale } from './types.js';

export function catalogueView(locale: Locale) {
  return {
    locale,
    providers: PROVIDERS.map((p) => ({
      id: p.id,
      name: p.name,
      secondFactor: p.secondFactor,
      portalName: p.portalName,
      portalUrl: p.portalUrl,
      helpUrl: p.helpUrl,
      requiresMerchantOperationsContact: p.requiresMerchantOperationsContact,
      errors: p.errors.map((r) => ({
        code: r.code,
        ...(r.messagePattern ? { messagePattern: r.messagePattern } : {}),
        sampleMessage: r.sampleMessage,
        errorType: r.errorType,
        errorTypeLabel: errorTypeLabel(r.errorType, locale),
        cause: r.cause ?? null,
        causeLabel: r.cause ? causeLabel(r.cause, locale) : null,
        resolution: resolutionFor(r.errorType),
        resolutionLabel: resolutionLabel(resolutionFor(r.errorType), locale),
        ...(r.meaning ? { meaning: r.meaning } : {}),
      })),
    })),
    otherProviders: { selfRepairable: false, resolution: 'support' },
  };
}

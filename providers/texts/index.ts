// Localized labels and merchant-portal steps, filled with each provider's own names.
import { findProvider } from '../classify.js';
import type { ErrorType, Locale, Resolution, StoreConfigCause } from '../types.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import type { ProviderTexts } from './provider-texts.js';
import { pt } from './pt.js';

export const PROVIDER_TEXTS: Record<Locale, ProviderTexts> = { en, es, fr, it, pt };

const textsFor = (locale: string): ProviderTexts => PROVIDER_TEXTS[locale as Locale] ?? en;

export const errorTypeLabel = (type: ErrorType, locale: string) => textsFor(locale).errorTypes[type] ?? en.errorTypes.unknown;
export const causeLabel = (cause: StoreConfigCause, locale: string) => textsFor(locale).causes[cause] ?? cause;
export const resolutionLabel = (resolution: Resolution, locale: string) => textsFor(locale).resolutions[resolution] ?? resolution;

/** Steps in the provider's portal for a cause; a provider outside the catalogue gets generic names. */
export function portalSteps(providerId: string, cause: StoreConfigCause, locale: string): string[] {
  const provider = findProvider(providerId);
  const values: Record<string, string> = {
    provider: provider?.name ?? providerId,
    portal: provider?.portalName ?? `${providerId} merchant portal`,
    portalUrl: provider?.portalUrl ?? '',
    stores: provider?.portalSections.stores ?? 'Stores',
    account: provider?.portalSections.account ?? 'Account',
  };
  const steps = textsFor(locale).steps[cause] ?? en.steps[cause] ?? [];
  return steps.map((step) => step.replace(/\{(\w+)\}/g, (_m, key: string) => values[key] ?? '').replace(' ()', ''));
}

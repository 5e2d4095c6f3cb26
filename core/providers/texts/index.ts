// Localized labels and merchant-portal steps, filled with each provider's own portal and menus.
import { findProvider } from '../provider-lookup.js';
import type { ErrorType, Locale, PortalMenus, ProviderEntry, Resolution, StoreConfigCause } from '../types.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import type { ProviderTexts } from './provider-texts.js';
import { pt } from './pt.js';

export type { ProviderTexts, StepsByCause } from './provider-texts.js';

export const PROVIDER_TEXTS: Readonly<Record<Locale, ProviderTexts>> = { en, es, fr, it, pt };

/** Any string is accepted: callers pass stored preferences, and unknown ones read English. */
const textsFor = (locale: string): ProviderTexts => (Object.hasOwn(PROVIDER_TEXTS, locale) ? PROVIDER_TEXTS[locale as Locale] : en);

/** A label of a table by a stored (so any) key: own keys only, `__proto__` or `constructor` read nothing. */
const own = (table: Readonly<Record<string, string>>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

export const errorTypeLabel = (type: ErrorType, locale: string): string => own(textsFor(locale).errorTypes, type) ?? en.errorTypes.unknown;
export const causeLabel = (cause: StoreConfigCause, locale: string): string => own(textsFor(locale).causes, cause) ?? own(en.causes, cause) ?? String(cause);
export const resolutionLabel = (resolution: Resolution, locale: string): string => own(textsFor(locale).resolutions, resolution) ?? own(en.resolutions, resolution) ?? String(resolution);

/** The portal's labels as a merchant reading `locale` sees them: localized where the portal is. */
export const portalMenusFor = (provider: ProviderEntry, locale: string): PortalMenus =>
  (Object.hasOwn(provider.localizedPortalMenus ?? {}, locale) ? provider.localizedPortalMenus![locale as Locale] : undefined) ?? provider.portalMenus;

const MENU_KEYS = ['stores', 'storeStatus', 'menu', 'hours', 'account', 'support'] as const satisfies readonly (keyof PortalMenus)[];

/** The placeholder values: the provider's own labels (quoted), or generic words outside the catalogue. */
function placeholders(texts: ProviderTexts, providerId: string, provider: ProviderEntry | undefined, locale: string): Record<string, string> {
  const [open, close] = texts.quotes;
  const name = provider?.name ?? providerId;
  const labels = provider ? portalMenusFor(provider, locale) : undefined;
  const menus = Object.fromEntries(MENU_KEYS.map((key) => [key, labels ? `${open}${labels[key]}${close}` : texts.generic[key]]));
  return {
    ...menus,
    provider: name,
    portal: provider?.portalName ?? texts.generic.portal.replaceAll('{provider}', name),
    portalLink: provider ? ` (${provider.portalUrl})` : '',
    done: `${open}${texts.done}${close}`,
  };
}

/** The step templates for a cause: the provider's own list first, then the general one. */
function templatesFor(texts: ProviderTexts, providerId: string, cause: StoreConfigCause): readonly string[] | undefined {
  const own = Object.hasOwn(texts.providerSteps, providerId) ? texts.providerSteps[providerId]?.[cause] : undefined;
  return own ?? texts.steps[cause];
}

/**
 * The steps a merchant performs in the provider's portal for a cause, in a locale (English when the
 * locale has none). A provider outside the catalogue gets the general steps with generic words.
 */
export function portalSteps(providerId: string, cause: StoreConfigCause, locale: string): string[] {
  const provider = findProvider(providerId);
  const localized = textsFor(locale);
  const texts = templatesFor(localized, providerId, cause) ? localized : en;
  const templates = templatesFor(texts, providerId, cause) ?? [];
  const values = placeholders(texts, String(providerId), provider, texts === en ? 'en' : locale);
  return templates.map((step) => step.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match));
}

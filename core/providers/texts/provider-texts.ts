import type { ErrorType, PortalMenus, Resolution, StoreConfigCause } from '../types.js';

/** Step lists for some causes; a provider's own list replaces the general one. */
export type StepsByCause = Partial<Record<StoreConfigCause, readonly string[]>>;

/**
 * What people read about provider errors, in one language. Steps are templates filled from the
 * catalogue: {provider}, {portal}, {portalLink} (" (url)" or nothing), {done} (the button that
 * confirms the steps), and the portal's own menu labels {stores}, {storeStatus}, {menu}, {hours},
 * {account}, {support}. Sentences never put a preposition right before a placeholder, so the
 * generic wording for a provider outside the catalogue reads as well as a quoted menu label.
 */
export interface ProviderTexts {
  errorTypes: Record<ErrorType, string>;
  causes: Record<StoreConfigCause, string>;
  resolutions: Record<Resolution, string>;
  /** How menu labels are quoted in this language. */
  quotes: readonly [open: string, close: string];
  /** The label of the button that confirms the steps, as the repair page shows it. */
  done: string;
  /** Words for a provider outside the catalogue; `portal` may use {provider}. */
  generic: PortalMenus & { portal: string };
  steps: Record<StoreConfigCause, readonly string[]>;
  /** Where a provider's own process differs from the general steps, by provider id. */
  providerSteps: Readonly<Record<string, StepsByCause>>;
}

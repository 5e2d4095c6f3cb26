import type { ErrorType, Resolution, StoreConfigCause } from '../types.js';

/**
 * What people read about errors, per language. Steps use placeholders filled from the catalogue:
 * {provider}, {portal}, {portalUrl}, {stores} (the portal's store section), {account}.
 */
export interface ProviderTexts {
  errorTypes: Record<ErrorType, string>;
  causes: Record<StoreConfigCause, string>;
  resolutions: Record<Resolution, string>;
  steps: Record<StoreConfigCause, string[]>;
}

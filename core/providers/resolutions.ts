// Each error type has exactly one resolution (SPEC section 2).
import type { ErrorType, Resolution } from './types.js';

const RESOLUTION_BY_TYPE: Readonly<Record<ErrorType, Resolution>> = {
  invalid_credentials: 'reconnect',
  two_factor_required: 'reconnect',
  mfa_required: 'reconnect',
  // Re-pairing clears a block: the merchant signs in again and approves our integration.
  third_party_blocked: 'reconnect',
  invalid_store_config: 'merchant_portal',
  provider_unavailable: 'retry',
  unknown: 'support',
};

export const resolutionFor = (type: ErrorType): Resolution => RESOLUTION_BY_TYPE[type] ?? 'support';

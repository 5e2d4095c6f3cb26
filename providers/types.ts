// The vocabulary of the provider catalogue. Pure types and constants: workflows import them too.

export const LOCALES = ['en', 'es', 'fr', 'it', 'pt'] as const;
export type Locale = (typeof LOCALES)[number];

export const ERROR_TYPES = [
  'invalid_credentials',
  'two_factor_required',
  'mfa_required',
  'third_party_blocked',
  'invalid_store_config',
  'provider_unavailable',
  'unknown',
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

export const RESOLUTIONS = ['reconnect', 'merchant_portal', 'retry', 'support'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const STORE_CONFIG_CAUSES = ['store_inactive', 'non_traditional_login', 'store_not_found', 'menu_misconfigured', 'hours_misconfigured'] as const;
export type StoreConfigCause = (typeof STORE_CONFIG_CAUSES)[number];

export type SecondFactorStyle = 'sms' | 'totp' | 'email';

/** How a provider wraps its errors in JSON; the sandbox answers in it and the connectors parse it. */
export type ErrorEnvelope = 'nested' | 'flat' | 'list' | 'status';

export interface ErrorRule {
  code: string;
  /** Regex source (case-insensitive) matched against the message when one code has several meanings. */
  messagePattern?: string;
  /** In the provider's own words. */
  sampleMessage: string;
  errorType: ErrorType;
  cause?: StoreConfigCause;
  /** For second-factor errors answered to a code: which way the code was wrong. */
  meaning?: 'invalid_code' | 'code_expired';
  httpStatus: number;
}

export interface ProviderEntry {
  id: string;
  name: string;
  secondFactor: SecondFactorStyle;
  portalName: string;
  portalUrl: string;
  helpUrl: string;
  /** Where in the portal stores and the account live, as the provider names them. */
  portalSections: { stores: string; account: string };
  requiresMerchantOperationsContact: boolean;
  errorEnvelope: ErrorEnvelope;
  errors: ErrorRule[];
}

export interface Classification {
  providerId: string;
  selfRepairable: boolean;
  errorType: ErrorType;
  cause: StoreConfigCause | null;
  resolution: Resolution;
  ruleCode: string | null;
}

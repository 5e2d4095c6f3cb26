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

/**
 * How a provider wraps its errors in JSON; the sandbox answers in it and the connectors read it:
 * nested `{error:{code,message}}`, flat `{errorCode,errorMessage}`, list `{errors:[{code,detail}]}`,
 * status `{status:"FAIL",result:{code,msg}}`, result `{success:false,resultCode,resultMessage}`.
 */
export const ERROR_ENVELOPES = ['nested', 'flat', 'list', 'status', 'result'] as const;
export type ErrorEnvelope = (typeof ERROR_ENVELOPES)[number];

/** What a second-factor error answered to a submitted code says about that code. */
export type CodeRejection = 'invalid_code' | 'code_expired';

export interface ErrorRule {
  code: string;
  /** Regex source (case-insensitive) matched against the message when the code is shared or absent. */
  messagePattern?: string;
  /** In the provider's own words. */
  sampleMessage: string;
  errorType: ErrorType;
  cause?: StoreConfigCause;
  /** Second-factor errors answered to a code: which way the code was wrong. */
  meaning?: CodeRejection;
  /** What the provider answers with. */
  httpStatus: number;
}

/** Where things live in a provider's merchant portal, in the portal's own labels (steps quote them). */
export interface PortalMenus {
  /** The list of stores (sites, branches, vendors…). */
  stores: string;
  /** The control that opens, pauses or closes one store. */
  storeStatus: string;
  menu: string;
  hours: string;
  /** Users, passwords and sign-in methods. */
  account: string;
  /** How to reach the provider's merchant support from the portal. */
  support: string;
}

export interface ProviderEntry {
  id: string;
  name: string;
  secondFactor: SecondFactorStyle;
  portalName: string;
  portalUrl: string;
  helpUrl: string;
  /** The portal's menu labels as it shows them in English. */
  portalMenus: PortalMenus;
  /**
   * The same labels where the portal itself is localized (the merchant sees these words on screen,
   * so translated steps quote them); languages without an entry quote the English labels.
   */
  localizedPortalMenus?: Partial<Record<Locale, PortalMenus>>;
  /** The provider asks for an operations contact for merchant issues (contacts page checks it). */
  requiresMerchantOperationsContact: boolean;
  errorEnvelope: ErrorEnvelope;
  errors: readonly ErrorRule[];
}

export interface Classification {
  providerId: string;
  selfRepairable: boolean;
  errorType: ErrorType;
  cause: StoreConfigCause | null;
  resolution: Resolution;
  ruleCode: string | null;
}

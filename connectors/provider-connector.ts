// The interface a provider integration implements for account pairing. The sandbox connectors
// implement it over HTTP; a real provider integration would implement the same three calls.

export type PairingStep =
  | { kind: 'paired' }
  | { kind: 'verification_required'; challengeId: string; channel: string }
  /** The provider refused, with its raw error (classified by the catalogue). */
  | { kind: 'rejected'; code: string; message: string }
  /** Timeout, network error or 5xx: retryable, never the merchant's fault. */
  | { kind: 'unavailable'; code: string; message: string };

export interface ProviderConnector {
  readonly providerId: string;
  login(input: { accountRef: string; username: string; password: string }): Promise<PairingStep>;
  verify(input: { accountRef: string; challengeId: string; code: string }): Promise<PairingStep>;
  /** A partner-key status check of the account and its stores, without credentials. */
  checkConnection(input: { accountRef: string }): Promise<PairingStep>;
}

export interface ConnectorSettings {
  baseUrl: string;
  partnerKey: string;
  timeoutMs: number;
}

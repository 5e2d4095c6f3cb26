// The interface a provider integration implements for account pairing. The HTTP connectors speak
// to the provider sandbox; a real provider integration would implement the same three calls.

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
  /** Where the providers' endpoints live (the sandbox: http://127.0.0.1:4010). */
  baseUrl: string;
  /** Our partner API key, sent as a bearer token. */
  partnerKey: string;
  /** Per call, connection to last byte; past it the provider counts as unavailable. */
  timeoutMs: number;
}

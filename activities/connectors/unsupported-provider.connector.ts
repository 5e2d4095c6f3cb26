// A provider outside the catalogue has no integration: every call is refused with a code the
// catalogue classifies as unknown, so support takes over.
import type { PairingStep, ProviderConnector } from './provider-connector.js';

export const UNSUPPORTED_PROVIDER = 'UNSUPPORTED_PROVIDER';

export class UnsupportedProviderConnector implements ProviderConnector {
  constructor(readonly providerId: string) {}

  private refuse(): Promise<PairingStep> {
    return Promise.resolve({ kind: 'rejected', code: UNSUPPORTED_PROVIDER, message: `No self-repair integration exists for ${this.providerId}` });
  }

  login(): Promise<PairingStep> {
    return this.refuse();
  }

  verify(): Promise<PairingStep> {
    return this.refuse();
  }

  checkConnection(): Promise<PairingStep> {
    return this.refuse();
  }
}

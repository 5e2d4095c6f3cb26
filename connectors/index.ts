// One connector per provider. A provider outside the catalogue has no integration: every call is
// refused with a code the catalogue classifies as unknown (support takes over).
import { findProvider } from '../providers/index.js';
import { HttpProviderConnector } from './http-provider-connector.js';
import type { ConnectorSettings, PairingStep, ProviderConnector } from './provider-connector.js';

export type { ConnectorSettings, PairingStep, ProviderConnector } from './provider-connector.js';

class UnsupportedProviderConnector implements ProviderConnector {
  constructor(readonly providerId: string) {}
  private refuse(): Promise<PairingStep> {
    return Promise.resolve({ kind: 'rejected', code: 'UNSUPPORTED_PROVIDER', message: `No self-repair integration for ${this.providerId}` });
  }
  login() {
    return this.refuse();
  }
  verify() {
    return this.refuse();
  }
  checkConnection() {
    return this.refuse();
  }
}

export function createConnector(providerId: string, settings: ConnectorSettings): ProviderConnector {
  const provider = findProvider(providerId);
  return provider ? new HttpProviderConnector(provider, settings) : new UnsupportedProviderConnector(providerId);
}

// One connector per provider: the shared HTTP connector for catalogue providers, a refusing one
// for any other provider.
import { findProvider } from '../../core/providers/index.js';
import { HttpProviderConnector } from './http-provider.connector.js';
import type { ConnectorSettings, ProviderConnector } from './provider-connector.js';
import { UnsupportedProviderConnector } from './unsupported-provider.connector.js';

export type { ConnectorSettings, PairingStep, ProviderConnector } from './provider-connector.js';
export { HttpProviderConnector } from './http-provider.connector.js';
export { UNSUPPORTED_PROVIDER, UnsupportedProviderConnector } from './unsupported-provider.connector.js';

export function createConnector(providerId: string, settings: ConnectorSettings): ProviderConnector {
  const provider = findProvider(providerId);
  return provider ? new HttpProviderConnector(provider, settings) : new UnsupportedProviderConnector(providerId);
}

/** A lookup that makes each provider's connector on first use and reuses it (the worker's `connectorFor`). */
export function connectorFor(settings: ConnectorSettings): (providerId: string) => ProviderConnector {
  const made = new Map<string, ProviderConnector>();
  return (providerId) => {
    let connector = made.get(providerId);
    if (!connector) {
      connector = createConnector(providerId, settings);
      made.set(providerId, connector);
    }
    return connector;
  };
}

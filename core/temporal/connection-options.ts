// How the API and the worker reach Temporal: a local dev server, a cluster with mTLS, or Temporal Cloud with an API key.
import { readFileSync } from 'node:fs';
import type { TemporalSettings } from '../config/config.js';

/** The part of the options that the client's Connection and the worker's NativeConnection share. */
export interface SharedConnectionOptions {
  address: string;
  apiKey?: string;
  tls?: true | { serverNameOverride?: string; serverRootCACertificate?: Buffer; clientCertPair?: { crt: Buffer; key: Buffer } };
}

export function connectionOptions(settings: TemporalSettings): SharedConnectionOptions {
  const tls = settings.tls;
  return {
    address: settings.address,
    ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
    ...(tls === true
      ? { tls: true }
      : tls
        ? {
            tls: {
              serverNameOverride: tls.serverName,
              serverRootCACertificate: tls.caPath ? readFileSync(tls.caPath) : undefined,
              clientCertPair: tls.certPath && tls.keyPath ? { crt: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) } : undefined,
            },
          }
        : {}),
  };
}

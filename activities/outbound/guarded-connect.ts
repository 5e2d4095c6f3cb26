// Connect-time half of the outbound policy: the address a connection is about to open is checked
// after DNS resolution (a public name pointed inside, or re-pointed after it was registered, is
// refused), and an address given directly is checked before connecting. Redirects are never
// followed. Failures reach callers as a short generic reason: no addresses, ports or errno strings.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { normalizeHost, portOf, type OutboundPolicy } from './outbound-policy.js';

export type OutboundFailureKind = 'refused' | 'timeout' | 'could-not-connect';

const REASONS: Record<OutboundFailureKind, string> = {
  refused: 'destination not allowed',
  timeout: 'timeout',
  'could-not-connect': 'could not connect',
};

/** A failed connection, described as a caller may see it (the socket's own error stays in `cause` for logs). */
export class OutboundError extends Error {
  constructor(
    readonly kind: OutboundFailureKind,
    options?: { cause?: unknown },
  ) {
    super(REASONS[kind], options);
    this.name = 'OutboundError';
  }
}

const REFUSED = 'EOUTBOUNDREFUSED';

/** A lookup for net/http that resolves every address of the name and refuses if any is not allowed. */
export function guardedLookup(policy: OutboundPolicy, port: number): LookupFunction {
  return (hostname, options, callback) => {
    policy.resolve(hostname, { ...options, all: true }, (error, resolved) => {
      if (error) return callback(error, '', 0);
      const addresses = resolved as unknown as LookupAddress[];
      if (addresses.length === 0 || addresses.some((a) => !policy.allowsAddress(a.address, port, hostname))) {
        return callback(Object.assign(new Error('outbound destination refused'), { code: REFUSED }), '', 0);
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** Throws `refused` when `host` is an address (connect skips the lookup for those) the policy refuses. */
export function assertDirectAddressAllowed(policy: OutboundPolicy, host: string, port: number): void {
  const bare = normalizeHost(host);
  if (isIP(bare.split('%')[0]!) && !policy.allowsAddress(bare, port, host)) throw new OutboundError('refused');
}

/** Maps a socket or request error to the generic kind. */
export function outboundFailure(error: unknown): OutboundError {
  if (error instanceof OutboundError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const name = (error as Error | undefined)?.name;
  if (code === REFUSED) return new OutboundError('refused', { cause: error });
  if (code === 'ETIMEDOUT' || code === 'ABORT_ERR' || name === 'AbortError' || name === 'TimeoutError') return new OutboundError('timeout', { cause: error });
  return new OutboundError('could-not-connect', { cause: error });
}

/** "HTTP 5xx": the class of the receiver's answer, for logs and APIs that anyone may read. */
export const statusClass = (status: number) => `HTTP ${Math.floor(status / 100)}xx`;

/**
 * POSTs `body` to `url` through the policy; resolves with the HTTP status (any status: a 3xx is an
 * answer, not followed). Rejects with OutboundError.
 */
export function postOutbound(policy: OutboundPolicy, url: string, options: { headers: Record<string, string>; body: string; timeoutMs: number }): Promise<number> {
  return new Promise((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
      if (policy.urlRefusal(url)) throw new OutboundError('refused');
      assertDirectAddressAllowed(policy, target.hostname, portOf(target));
    } catch (error) {
      return reject(outboundFailure(error));
    }
    const port = portOf(target);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(target, {
      method: 'POST',
      headers: { ...options.headers, 'content-length': Buffer.byteLength(options.body) },
      lookup: guardedLookup(policy, port),
      // One connection per delivery: no pooled socket outlives the check made when it opened.
      agent: false,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    request.once('response', (response: IncomingMessage) => {
      // The body does not matter; read and drop it so the socket closes.
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.once('error', (error) => reject(outboundFailure(error)));
    request.end(options.body);
  });
}

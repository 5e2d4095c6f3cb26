// Signed, expiring links into the merchant pages: from an SMS, e-mail or ticket to a repair (naming
// the recipient when they are a user), or from a backend's dashboard to sign a user in. The token is
// verified by HMAC; no table is needed.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { keysCurrentFirst, type SecretKeys } from './load-secret-keys.js';

export interface LinkClaims {
  /** The repair the link opens. */
  repairId?: string;
  /** The user the link signs in; without one the repair opens read-only until someone signs in. */
  userId?: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

export const LINK_TTL_SECONDS = 7 * 24 * 3600;
/**
 * An alert's link works until its repair closes (checked when it is used), three days at most: an SMS
 * held over a weekend still opens, a forwarded e-mail does not stay a key for a week.
 */
export const ALERT_LINK_TTL_SECONDS = 3 * 24 * 3600;

/** A key of its own for links, derived from the secrets key: one variable to manage, two purposes. */
export function linkKeyFrom(secretKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'repair-links-v1', 32));
}

/** Link keys of every secrets key, the current one (which signs) first. */
export const linkKeysOf = (secretKeys: SecretKeys): Buffer[] => keysCurrentFirst(secretKeys).map(linkKeyFrom);

// Short, because the link travels in text messages: one-letter claim names and a 128-bit MAC.
const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest().subarray(0, 16).toString('base64url');
interface WireClaims {
  r?: string;
  u?: string;
  e: number;
}

export function signLink(key: Buffer, claims: Omit<LinkClaims, 'exp'>, now = Date.now(), ttlSeconds = LINK_TTL_SECONDS): string {
  if (!claims.repairId && !claims.userId) throw new Error('a link names a repair, a user, or both');
  const wire: WireClaims = { ...(claims.repairId ? { r: claims.repairId } : {}), ...(claims.userId ? { u: claims.userId } : {}), e: Math.floor(now / 1000) + ttlSeconds };
  const body = Buffer.from(JSON.stringify(wire)).toString('base64url');
  return `${body}.${mac(key, body)}`;
}

const isOptionalString = (value: unknown) => value === undefined || (typeof value === 'string' && value.length > 0 && value.length <= 64);

/**
 * The claims, or null when the token was altered, is malformed or has expired. Several keys may be
 * given (the current one first), so links sent before a key rotation keep working until they expire.
 */
export function verifyLink(keys: Buffer | readonly Buffer[], token: string, now = Date.now()): LinkClaims | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature);
  const signedByUs = (Array.isArray(keys) ? keys : [keys as Buffer]).some((key) => {
    const expected = Buffer.from(mac(key, body));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!signedByUs) return null;
  try {
    const wire = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as WireClaims;
    if (!isOptionalString(wire.r) || !isOptionalString(wire.u) || (!wire.r && !wire.u)) return null;
    if (typeof wire.e !== 'number' || wire.e * 1000 <= now) return null;
    return { ...(wire.r ? { repairId: wire.r } : {}), ...(wire.u ? { userId: wire.u } : {}), exp: wire.e };
  } catch {
    return null;
  }
}

// Signed, expiring links from an SMS, e-mail or ticket to the merchant page of a repair. The token
// names the repair (and the user when known) and is verified by HMAC; no table is needed.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export interface LinkClaims {
  repairId: string;
  userId?: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

export const LINK_TTL_SECONDS = 7 * 24 * 3600;

/** A key of its own for links, derived from the secrets key: one variable to manage, two purposes. */
export function linkKeyFrom(secretKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'repair-links-v1', 32));
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

export function signLink(key: Buffer, claims: Omit<LinkClaims, 'exp'>, now = Date.now(), ttlSeconds = LINK_TTL_SECONDS): string {
  const body = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(now / 1000) + ttlSeconds })).toString('base64url');
  return `${body}.${mac(key, body)}`;
}

/** The claims, or null when the token was altered, is malformed or has expired. */
export function verifyLink(key: Buffer, token: string, now = Date.now()): LinkClaims | null {
  const [body, signature] = token.split('.');
  if (!body || !signature) return null;
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as LinkClaims;
    return typeof claims.repairId === 'string' && typeof claims.exp === 'number' && claims.exp * 1000 > now ? claims : null;
  } catch {
    return null;
  }
}

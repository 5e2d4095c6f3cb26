// A cloud printer's HTTP Basic credentials: the username is the printer's id, the password 128
// random bits handed out once. Only its SHA-256 is stored: a password this random needs no slow
// hash to resist guessing, and the printer polls every few seconds, so checking must be cheap.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const newPrinterPassword = (): string => randomBytes(16).toString('base64url');

export const passwordHash = (password: string): string => createHash('sha256').update(password, 'utf8').digest('hex');

/** Compares in constant time; a missing hash is compared against a dummy so an unknown printer takes as long. */
export function passwordMatches(password: string, storedHash: string | undefined): boolean {
  const given = Buffer.from(passwordHash(password), 'hex');
  const stored = Buffer.from(storedHash ?? '0'.repeat(64), 'hex');
  return timingSafeEqual(given, stored) && storedHash !== undefined;
}

/** `Authorization: Basic base64(user:password)`, or null for anything else. */
export function basicCredentials(header: string | undefined): { username: string; password: string } | null {
  const match = typeof header === 'string' ? /^Basic\s+([A-Za-z0-9+/=]{4,512})$/i.exec(header.trim()) : null;
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

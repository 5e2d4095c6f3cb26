// Short codes for the links in text messages (`PUBLIC_URL/r/<code>`): a signed link is 110–150
// characters, a short one about 40, which is what keeps an SMS within one or two segments. A code
// stands for exactly what the signed link would carry (repair, user, expiry) and is resolved to the
// same claims, so `/r/` opens both the same way.
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ShortLink } from '../db/entities/index.js';
import type { LinkClaims } from './repair-links.js';

// 32 symbols, 5 bits each, without look-alikes (no i, l, o, u): 12 of them are 60 random bits, so
// guessing one live code among millions takes about 10^11 tries, and `/r/` allows 60 a minute per address.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const SHORT_CODE_LENGTH = 12;
const CODE_SHAPE = /^[0-9a-hjkmnp-tv-z]{12}$/;

/** A short code's shape (a signed token always has a dot): tells the two apart without a lookup. */
export const isShortCode = (value: string): boolean => CODE_SHAPE.test(value);

export function newShortCode(): string {
  let code = '';
  for (const byte of randomBytes(SHORT_CODE_LENGTH)) code += ALPHABET[byte % 32];
  return code;
}

// Only the hash is stored: a copy of the table (a backup, a replica) opens no repair.
const hashOf = (code: string) => createHash('sha256').update(code).digest('hex');

/** A new code for a repair (and the user it signs in), valid until `expiresAt`; expired codes are swept on the way. */
export async function createShortLink(em: EntityManager, claims: { repairId: string; userId?: string }, expiresAt: Date): Promise<string> {
  const code = newShortCode();
  await em.nativeDelete(ShortLink, { expiresAt: { $lt: new Date() } });
  await em.insert(ShortLink, { codeHash: hashOf(code), repairId: claims.repairId, userId: claims.userId ?? null, expiresAt, createdAt: new Date() });
  return code;
}

/** The claims a live code stands for; null for an unknown or expired one (the caller cannot tell which). */
export async function resolveShortLink(em: EntityManager, code: string, now = new Date()): Promise<LinkClaims | null> {
  if (!isShortCode(code)) return null;
  const row = await em.findOne(ShortLink, { codeHash: hashOf(code), expiresAt: { $gt: now } });
  if (!row) return null;
  return { repairId: row.repairId, ...(row.userId ? { userId: row.userId } : {}), exp: Math.floor(row.expiresAt.getTime() / 1000) };
}

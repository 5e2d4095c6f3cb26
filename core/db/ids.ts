import { randomBytes } from 'node:crypto';

// Readable, prefixed ids (`org_…`, `str_…`) make logs and support tickets self-explanatory.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function newId(prefix: string): string {
  const bytes = randomBytes(16);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % 32];
  return `${prefix}_${out}`;
}

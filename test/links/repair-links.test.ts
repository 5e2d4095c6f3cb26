import { describe, expect, it } from 'vitest';
import { linkKeyFrom, linkKeysOf, signLink, verifyLink } from '../../core/secrets/repair-links.js';
import { redactLinkTokens } from '../../core/secrets/redact-link-tokens.js';

const key = linkKeyFrom(Buffer.alloc(32, 1));
const other = linkKeyFrom(Buffer.alloc(32, 2));

describe('signed links', () => {
  it('carry a repair, a user, or both, until they expire', () => {
    const now = Date.UTC(2026, 11, 1);
    for (const claims of [{ repairId: 'rep_1' }, { userId: 'usr_1' }, { repairId: 'rep_1', userId: 'usr_1' }]) {
      const token = signLink(key, claims, now, 60);
      expect(verifyLink(key, token, now + 59_000)).toMatchObject(claims);
      expect(verifyLink(key, token, now + 61_000)).toBeNull();
    }
    expect(() => signLink(key, {})).toThrow();
  });

  it('refuse a token altered, signed by another key, or malformed', () => {
    const token = signLink(key, { repairId: 'rep_1', userId: 'usr_1' });
    const [body, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ r: 'rep_1', u: 'usr_admin', e: 9e9 })).toString('base64url');
    expect(verifyLink(key, `${forged}.${mac}`)).toBeNull();
    expect(verifyLink(other, token)).toBeNull();
    expect(verifyLink(key, `${body}`)).toBeNull();
    expect(verifyLink(key, `${token}.extra`)).toBeNull();
    expect(verifyLink(key, 'not a token')).toBeNull();
    const noClaims = Buffer.from(JSON.stringify({ e: 9e9 })).toString('base64url');
    expect(verifyLink(key, `${noClaims}.${signLink(key, { userId: 'x' }).split('.')[1]}`)).toBeNull();
  });

  it('stay short enough for a text message', () => {
    expect(signLink(key, { repairId: 'rep_0123456789abcdef', userId: 'usr_0123456789abcdef' }).length).toBeLessThanOrEqual(120);
  });

  it('keep working after a key rotation while they have not expired', () => {
    const keys = { keys: { v1: Buffer.alloc(32, 1), v2: Buffer.alloc(32, 2) }, current: 'v2' };
    const [current, previous] = linkKeysOf(keys);
    expect(current).toEqual(other);
    const before = signLink(previous!, { repairId: 'rep_1' });
    expect(verifyLink(linkKeysOf(keys), before)).toMatchObject({ repairId: 'rep_1' });
  });

  it('are blanked in logged paths', () => {
    const token = signLink(key, { userId: 'usr_1' });
    expect(redactLinkTokens(`/r/${token}`)).toBe('/r/[redacted]');
    expect(redactLinkTokens(`see https://repair.example.com/r/${token}?x=1 and /r/${token}`)).toBe('see https://repair.example.com/r/[redacted]?x=1 and /r/[redacted]');
    expect(redactLinkTokens('/repairs/rep_1')).toBe('/repairs/rep_1');
  });
});

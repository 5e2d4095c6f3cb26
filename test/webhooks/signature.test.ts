import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from '../../core/services/webhooks/signature.js';

const body = JSON.stringify({ id: 'evt_1', type: 'repair.resolved', data: { repairId: 'rep_1' } });
const now = Date.parse('2026-11-23T10:00:00Z');
const t = Math.floor(now / 1000);

describe('webhook signatures', () => {
  it('verifies a genuine signature', () => {
    expect(verifySignature(signatureHeader(['whsec_a'], body, t), body, ['whsec_a'], { now })).toEqual({ ok: true, timestamp: t });
  });

  it.each([
    ['the body is altered', signatureHeader(['whsec_a'], body, t), body.replace('rep_1', 'rep_2'), ['whsec_a'], now, 'mismatch'],
    ['the timestamp is altered', signatureHeader(['whsec_a'], body, t).replace(`t=${t}`, `t=${t + 1}`), body, ['whsec_a'], now, 'mismatch'],
    ['the secret is wrong', signatureHeader(['whsec_a'], body, t), body, ['whsec_b'], now, 'mismatch'],
    ['it is older than five minutes (a replay)', signatureHeader(['whsec_a'], body, t), body, ['whsec_a'], now + 301_000, 'too_old'],
    ['the header is garbage', 'nonsense', body, ['whsec_a'], now, 'malformed'],
    ['the header is missing', undefined, body, ['whsec_a'], now, 'malformed'],
  ])('fails when %s', (_name, header, raw, secrets, at, reason) => {
    expect(verifySignature(header, raw, secrets, { now: at })).toEqual({ ok: false, reason });
  });

  it('accepts either secret while one is being rotated', () => {
    const header = signatureHeader(['whsec_new', 'whsec_old'], body, t);
    expect(verifySignature(header, body, ['whsec_old'], { now }).ok).toBe(true);
    expect(verifySignature(header, body, ['whsec_new'], { now }).ok).toBe(true);
  });
});

// Deliveries are signed in the Standard Webhooks convention: the receiver's usual verifier (here the
// reference library, used as a Node receiver would) accepts them and refuses any alteration.
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signedHeaders } from '../../core/services/webhooks/signature.js';
import { newWebhookSecret } from '../../core/services/webhooks/subscription-secrets.js';

const body = JSON.stringify({ id: 'evt_1', type: 'repair.resolved', data: { repairId: 'rep_1' } });
const secret = newWebhookSecret();
const signed = (secrets = [secret], at = new Date()) => signedHeaders({ messageId: 'evt_1', body, secrets, at });

describe('webhook signatures', () => {
  it('makes secrets every Standard Webhooks verifier accepts: whsec_ and 24 random bytes in base64', () => {
    // Base64url would put - and _ in about two secrets of three, which the verifiers refuse.
    const secrets = Array.from({ length: 50 }, newWebhookSecret);
    for (const s of secrets) {
      expect(s).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      expect(() => new Webhook(s)).not.toThrow();
    }
    expect(new Set(secrets).size).toBe(50);
  });

  it('signs a delivery the receiver verifies, with the message id and timestamp it was signed with', () => {
    const at = new Date();
    const headers = signed([secret], at);
    expect(headers).toEqual({ 'webhook-id': 'evt_1', 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/) });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it.each([
    ['the body is altered', () => [secret, body.replace('rep_1', 'rep_2'), signed()] as const],
    ['the message id is altered', () => [secret, body, { ...signed(), 'webhook-id': 'evt_2' }] as const],
    ['the timestamp is altered', () => {
      const headers = signed();
      return [secret, body, { ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) - 1) }] as const;
    }],
    ['the secret is wrong', () => [newWebhookSecret(), body, signed()] as const],
    ['it was signed more than five minutes ago (a replay)', () => [secret, body, signed([secret], new Date(Date.now() - 301_000))] as const],
    ['the signature is missing', () => [secret, body, { ...signed(), 'webhook-signature': '' }] as const],
  ])('refuses a delivery when %s', (_name, make) => {
    const [key, payload, headers] = make();
    expect(() => new Webhook(key).verify(payload, headers)).toThrow(WebhookVerificationError);
  });

  it('carries one signature per valid secret during a rotation, and each verifies on its own', () => {
    const [next, previous] = [newWebhookSecret(), newWebhookSecret()];
    const headers = signed([next, previous]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(next).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
  });

  it('reads a secret made before the convention (base64url) as the same key, and skips one it cannot read', () => {
    const bytes = Buffer.from('0123456789abcdef>>>>????', 'latin1');
    const older = `whsec_${bytes.toString('base64url')}`;
    expect(older).toMatch(/[-_]/);
    const headers = signed(['whsec_!!this is not base64!!', older]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(1);
    expect(() => new Webhook(`whsec_${bytes.toString('base64')}`).verify(body, headers)).not.toThrow();
    expect(() => signed(['whsec_!!this is not base64!!'])).toThrow('no readable subscription secret');
  });
});

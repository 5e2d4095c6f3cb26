// Twilio's request signature: our signer matches an independent HMAC-SHA1 computation and Twilio's
// published example, and verification rejects every kind of tampering.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signTwilioRequest, verifyTwilioSignature } from '../../activities/channels/twilio-signature.js';

const authToken = '12345';
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };

/** Twilio's algorithm written out: URL, then each parameter name and value sorted by name. */
const independent = (token: string, u: string, p: Record<string, string>) =>
  createHmac('sha1', token)
    .update(u + Object.keys(p).sort().map((k) => k + p[k]).join(''), 'utf8')
    .digest('base64');

describe('Twilio signatures', () => {
  it('match the algorithm and Twilio’s documented example', () => {
    expect(signTwilioRequest(authToken, url, params)).toBe(independent(authToken, url, params));
    expect(signTwilioRequest(authToken, url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it('verify a genuine request, including accented values', () => {
    const p = { ...params, Body: 'São João · Crêpes d’Élodie' };
    expect(verifyTwilioSignature({ authToken, signature: signTwilioRequest(authToken, url, p), url, params: p })).toBe(true);
  });

  it('reject a missing signature, another token, another URL or changed parameters', () => {
    const signature = signTwilioRequest(authToken, url, params);
    expect(verifyTwilioSignature({ authToken, signature: undefined, url, params })).toBe(false);
    expect(verifyTwilioSignature({ authToken: '54321', signature, url, params })).toBe(false);
    expect(verifyTwilioSignature({ authToken, signature, url: 'https://mycompany.com/other.php?foo=1&bar=2', params })).toBe(false);
    expect(verifyTwilioSignature({ authToken, signature, url, params: { ...params, Digits: '9999' } })).toBe(false);
    expect(verifyTwilioSignature({ authToken, signature, url, params: { ...params, Extra: 'x' } })).toBe(false);
  });

  // Anyone can compute an HMAC keyed with nothing: without a configured token nothing verifies.
  it('reject everything when no auth token is configured', () => {
    for (const empty of ['', ' ']) {
      expect(verifyTwilioSignature({ authToken: empty, signature: signTwilioRequest(empty, url, params), url, params })).toBe(false);
    }
  });
});

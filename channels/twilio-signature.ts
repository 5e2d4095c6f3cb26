// Twilio signs every status callback: HMAC-SHA1 of the full URL plus the sorted form parameters.
import twilio from 'twilio';
import { createHmac } from 'node:crypto';

export function verifyTwilioSignature(input: { authToken: string; signature: string | undefined; url: string; params: Record<string, string> }): boolean {
  if (!input.signature) return false;
  return twilio.validateRequest(input.authToken, input.signature, input.url, input.params);
}

/** What Twilio computes; the SMS sink uses it so the product verifies the real algorithm. */
export function signTwilioRequest(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf-8')).digest('base64');
}

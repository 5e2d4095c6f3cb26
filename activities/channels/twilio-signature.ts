// Twilio signs each webhook (our delivery status callbacks): base64 HMAC-SHA1, keyed with the auth
// token, of the full callback URL followed by the form parameters sorted by name.
import twilio from 'twilio';

export interface SignedTwilioRequest {
  authToken: string;
  /** The X-Twilio-Signature header as received. */
  signature: string | undefined;
  /** The public URL Twilio called, exactly as configured (scheme, host, port, path, query). */
  url: string;
  /** The form-encoded body, parsed. */
  params: Record<string, string>;
}

/** Twilio's own check (twilio.validateRequest), not the Express helper: works with any framework. */
export function verifyTwilioSignature(input: SignedTwilioRequest): boolean {
  // An empty key is public knowledge: production refuses to start without a token, and this never trusts one.
  if (!input.signature || !input.authToken.trim()) return false;
  return twilio.validateRequest(input.authToken, input.signature, input.url, input.params);
}

/** The signature Twilio would send, for the local SMS sink (so the product verifies the real thing). */
export function signTwilioRequest(authToken: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

// Outbound events are signed in the Standard Webhooks convention by its reference library, so a
// receiver checks them with the verifier it already uses (standardwebhooks, svix) and no code of ours.
import { Webhook } from 'standardwebhooks';

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * The three headers of one attempt. `messageId` stays the same on every retry (receivers de-duplicate
 * on it); the timestamp is the attempt's, so a retry an hour later is not refused as a replay.
 * One `v1,<signature>` per secret still valid, space-separated, so a rotation never breaks a
 * receiver that has not switched yet.
 */
export function signedHeaders({ messageId, body, secrets, at = new Date() }: { messageId: string; body: string; secrets: string[]; at?: Date }): SignedHeaders {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures(secrets, messageId, at, body).join(' '),
  };
}

/** The convention's secret for the same key bytes: secrets made before it used base64url (- and _). */
const conventional = (secret: string) => `whsec_${secret.replace(/^whsec_/, '').replaceAll('-', '+').replaceAll('_', '/')}`;

/** One signature per readable secret; a secret that cannot be read is skipped, so it never blocks a good one. */
function signatures(secrets: string[], messageId: string, at: Date, body: string): string[] {
  const signed = secrets.flatMap((secret) => {
    try {
      return [new Webhook(conventional(secret)).sign(messageId, at, body)];
    } catch {
      return [];
    }
  });
  if (signed.length === 0) throw new Error('no readable subscription secret');
  return signed;
}

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
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(' '),
  };
}

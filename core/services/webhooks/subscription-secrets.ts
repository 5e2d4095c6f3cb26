// Subscription secrets are sealed at rest; during a rotation the previous one stays valid until it expires.
import { randomBytes } from 'node:crypto';
import type { WebhookSubscriptionRow } from '../../db/entities/index.js';
import type { SecretBox } from '../../secrets/secret-box.js';

// The convention's form: whsec_ and standard base64 (verifiers refuse base64url's - and _), 24 bytes.
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** The clear secrets still valid now, newest first. */
export function activeSecrets(box: SecretBox, subscription: Pick<WebhookSubscriptionRow, 'id' | 'secrets'>, now = Date.now()): string[] {
  return subscription.secrets.filter((s) => !s.expiresAt || Date.parse(s.expiresAt) > now).map((s) => box.open(s.sealed, subscription.id));
}

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A password or code on its way from the API to the pairing activity: encrypted, short-lived, read once. */
export const PendingSecret = defineEntity({
  name: 'PendingSecret',
  tableName: 'pending_secrets',
  indexes: [{ properties: ['expiresAt'] }],
  properties: {
    id: p.string().primary(),
    repairId: p.string(),
    kind: p.enum(['credentials', 'verification_code'] as const),
    sealed: p.text(),
    expiresAt: p.datetime(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type PendingSecretRow = InferEntity<typeof PendingSecret>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A short code standing for one signed alert link (`PUBLIC_URL/r/<code>`): the same repair, the same
 * user, the same expiry. Only a hash of the code is kept, so a copy of the table opens nothing.
 */
export const ShortLink = defineEntity({
  name: 'ShortLink',
  tableName: 'short_links',
  indexes: [{ properties: ['expiresAt'] }],
  properties: {
    /** SHA-256 of the code, hex. */
    codeHash: p.string().length(64).primary(),
    repairId: p.string(),
    /** The user the link signs in; null for a store's phone (the repair opens read-only). */
    userId: p.string().nullable(),
    expiresAt: p.datetime(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ShortLinkRow = InferEntity<typeof ShortLink>;

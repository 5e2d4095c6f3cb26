import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A session of the merchant pages, kept server-side so it can be ended (sign-out, or a backend ending
 * every session of a user); the cookie carries only its id. A session opened from a link that names a
 * repair is scoped to that repair; one without a user is a guest's, read-only.
 */
export const MerchantSession = defineEntity({
  name: 'MerchantSession',
  tableName: 'merchant_sessions',
  indexes: [{ properties: ['expiresAt'] }],
  properties: {
    id: p.string().primary(),
    userId: p.string().nullable().index(),
    /** The one repair this session may see and act on; null for a full sign-in. */
    repairId: p.string().nullable(),
    expiresAt: p.datetime(),
    endedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type MerchantSessionRow = InferEntity<typeof MerchantSession>;

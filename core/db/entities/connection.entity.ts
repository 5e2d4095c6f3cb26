import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Org } from './org.entity.js';

/** One provider account connected to the platform, serving one or more stores. */
export const Connection = defineEntity({
  name: 'Connection',
  tableName: 'connections',
  uniques: [{ properties: ['org', 'provider', 'accountRef'] }],
  properties: {
    id: p.string().primary(),
    org: () => p.manyToOne(Org).mapToPk().index(),
    provider: p.string(),
    accountRef: p.string(),
    selfRepairable: p.boolean(),
    status: p.enum(['healthy', 'needs_attention'] as const).default('healthy'),
    storeIds: p.json<string[]>(),
    /** Failed proactive checks in a row: one transient failure never opens a repair. */
    consecutiveProbeFailures: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type ConnectionRow = InferEntity<typeof Connection>;

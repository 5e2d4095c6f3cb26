import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A merchant organization: the account that owns locations, brands, stores and connections. */
export const Org = defineEntity({
  name: 'Org',
  tableName: 'orgs',
  properties: {
    id: p.string().primary(),
    name: p.string(),
    locale: p.string().length(5),
    timezone: p.string(),
    environment: p.enum(['sandbox', 'production'] as const),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type OrgRow = InferEntity<typeof Org>;

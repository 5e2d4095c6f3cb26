import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Org } from './org.entity.js';

/** A brand an organization sells under (one location may run several). */
export const Brand = defineEntity({
  name: 'Brand',
  tableName: 'brands',
  properties: {
    id: p.string().primary(),
    org: () => p.manyToOne(Org).mapToPk().index(),
    name: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type BrandRow = InferEntity<typeof Brand>;

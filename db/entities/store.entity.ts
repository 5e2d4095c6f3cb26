import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Brand } from './brand.entity.js';
import { Location } from './location.entity.js';
import { Org } from './org.entity.js';

/** A store is one brand at one location: what a delivery provider lists. */
export const Store = defineEntity({
  name: 'Store',
  tableName: 'stores',
  uniques: [{ properties: ['location', 'brand'] }],
  properties: {
    id: p.string().primary(),
    org: () => p.manyToOne(Org).mapToPk().index(),
    location: () => p.manyToOne(Location).mapToPk(),
    brand: () => p.manyToOne(Brand).mapToPk(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type StoreRow = InferEntity<typeof Store>;

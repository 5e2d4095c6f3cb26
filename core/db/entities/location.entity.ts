import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Org } from './org.entity.js';

/** A physical place of an organization (a kitchen, a restaurant). */
export const Location = defineEntity({
  name: 'Location',
  tableName: 'locations',
  properties: {
    id: p.string().primary(),
    org: () => p.manyToOne(Org).mapToPk().index(),
    name: p.string(),
    timezone: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type LocationRow = InferEntity<typeof Location>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Org } from './org.entity.js';

/** A merchant user; permissions decide what they may do to repairs. */
export const User = defineEntity({
  name: 'User',
  tableName: 'users',
  uniques: [{ properties: ['org', 'email'] }],
  properties: {
    id: p.string().primary(),
    org: () => p.manyToOne(Org).mapToPk().index(),
    email: p.string(),
    name: p.string().nullable(),
    phone: p.string().nullable(),
    locale: p.string().length(5).nullable(),
    permissions: p.json<string[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type UserRow = InferEntity<typeof User>;

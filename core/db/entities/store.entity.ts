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
    /** `host:port` of the store's POS printer (ESC/POS over TCP), for printed repair tickets. */
    printerAddress: p.string().nullable(),
    /** Phones (E.164) that get the store's SMS alerts, besides the organization's alert contacts. */
    alertPhones: p.json<string[]>().nullable(),
    /** Typical sales per provider, for the lost-sales estimate of a repair: { uber_eats: { ordersPerHour, averageOrderValue, currency } }. */
    salesProfile: p.json<Record<string, { ordersPerHour: number; averageOrderValue: number; currency: string }>>().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type StoreRow = InferEntity<typeof Store>;

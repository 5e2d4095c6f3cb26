import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Location } from './location.entity.js';
import { Org } from './org.entity.js';

export const CLOSURE_REASONS = ['holiday', 'renovation', 'other'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/**
 * A planned closure of a location: no alerts for its stores in the window (see
 * core/services/closures/closure-rule.ts). Kept as people stated it (local times and zone) and as
 * instants, so a later change of zone rules never moves a closure nobody edited.
 */
export const LocationClosure = defineEntity({
  name: 'LocationClosure',
  tableName: 'location_closures',
  indexes: [{ properties: ['location', 'endsAt'] }, { properties: ['org', 'endsAt'] }],
  properties: {
    id: p.string().primary(),
    org: () => p.manyToOne(Org).mapToPk(),
    location: () => p.manyToOne(Location).mapToPk(),
    reason: p.enum(['holiday', 'renovation', 'other'] as const),
    note: p.string().length(200).nullable(),
    startsLocal: p.string().length(16),
    endsLocal: p.string().length(16),
    timezone: p.string(),
    startsAt: p.datetime(),
    endsAt: p.datetime(),
    createdBy: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type LocationClosureRow = InferEntity<typeof LocationClosure>;

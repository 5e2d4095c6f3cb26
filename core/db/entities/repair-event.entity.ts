import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Repair } from './repair.entity.js';

/** One line of a repair's history: reports, attempts, actions (and who did them), reminders. */
export const RepairEvent = defineEntity({
  name: 'RepairEvent',
  tableName: 'repair_events',
  indexes: [{ properties: ['repair', 'at', 'id'] }],
  properties: {
    /** The activity's idempotency key: a retried write never doubles an event. */
    id: p.string().primary(),
    repair: () => p.manyToOne(Repair).mapToPk(),
    at: p.datetime(),
    kind: p.string(),
    actorUserId: p.string().nullable(),
    action: p.string().nullable(),
    outcome: p.string().nullable(),
    errorType: p.string().nullable(),
    cause: p.string().nullable(),
    errorCode: p.string().nullable(),
    detail: p.json<Record<string, unknown>>().nullable(),
  },
});
export type RepairEventRow = InferEntity<typeof RepairEvent>;

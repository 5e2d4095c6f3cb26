import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** That a repair wants people told something (opened, reminder, escalation, reconnected). */
export const NotificationIntent = defineEntity({
  name: 'NotificationIntent',
  tableName: 'notification_intents',
  indexes: [{ properties: ['repairId', 'createdAt'] }, { properties: ['orgId', 'createdAt'] }, { properties: ['orgId', 'status', 'sendAfter'] }],
  properties: {
    /** The activity's idempotency key. */
    id: p.string().primary(),
    repairId: p.string(),
    orgId: p.string(),
    kind: p.string(),
    /** recorded → delivered (messages went out) or suppressed (see `reason`); held while its stores are closed. */
    status: p.string().default('recorded'),
    reason: p.string().nullable(),
    /** A held intent is delivered then (the end of a planned closure), if it still has something to say. */
    sendAfter: p.datetime().nullable(),
    createdAt: p.datetime(),
  },
});
export type NotificationIntentRow = InferEntity<typeof NotificationIntent>;

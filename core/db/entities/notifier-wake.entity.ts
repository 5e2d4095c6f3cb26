import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * That an organization's notifier was woken for the alert intents recorded since its last delivery
 * (activities/alerts/collect-alert-intents.ts): the first intent of a window signals it, the others
 * only wait in `notification_intents`. Removed when the notifier collects the window.
 */
export const NotifierWake = defineEntity({
  name: 'NotifierWake',
  tableName: 'notifier_wakes',
  properties: {
    orgId: p.string().primary(),
    wokenAt: p.datetime(),
  },
});
export type NotifierWakeRow = InferEntity<typeof NotifierWake>;

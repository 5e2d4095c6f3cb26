import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A backend's subscription to repair events. Secrets are sealed; during a rotation two are valid. */
export const WebhookSubscription = defineEntity({
  name: 'WebhookSubscription',
  tableName: 'webhook_subscriptions',
  properties: {
    id: p.string().primary(),
    url: p.text(),
    events: p.json<string[]>(),
    /** Only events of this organization, when set. */
    orgId: p.string().nullable(),
    secrets: p.json<{ sealed: string; expiresAt: string | null }[]>(),
    active: p.boolean().default(true),
    createdAt: p.datetime(),
  },
});
export type WebhookSubscriptionRow = InferEntity<typeof WebhookSubscription>;

/** One event for one subscription: the delivery log, with attempts and the last answer. */
export const WebhookDelivery = defineEntity({
  name: 'WebhookDelivery',
  tableName: 'webhook_deliveries',
  indexes: [{ properties: ['subscriptionId', 'createdAt'] }],
  properties: {
    id: p.string().primary(),
    /** The event id receivers de-duplicate on; the same for every attempt and redelivery. */
    eventId: p.string(),
    subscriptionId: p.string(),
    type: p.string(),
    /** Deliveries of one stream (a repair) go out in order. */
    streamKey: p.string(),
    payload: p.json<Record<string, unknown>>(),
    status: p.enum(['pending', 'delivered', 'failed'] as const),
    attempts: p.integer().default(0),
    lastStatusCode: p.integer().nullable(),
    lastError: p.text().nullable(),
    deliveredAt: p.datetime().nullable(),
    createdAt: p.datetime(),
  },
});
export type WebhookDeliveryRow = InferEntity<typeof WebhookDelivery>;

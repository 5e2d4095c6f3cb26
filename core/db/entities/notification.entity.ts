import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { WhatsAppContent } from '../../../templates/alert-data.js';

/** The delivery log: every alert message, per channel and recipient, with its delivery status. */
export const Notification = defineEntity({
  name: 'Notification',
  tableName: 'notifications',
  indexes: [
    { properties: ['org', 'createdAt'] },
    { properties: ['providerId'] },
    { properties: ['status', 'sendAfter'] },
    // A repair's detail lists the messages that name it: `repair_ids @> '["rep_…"]'`.
    { name: 'notifications_repair_ids_index', expression: 'create index "notifications_repair_ids_index" on "notifications" using gin ("repair_ids" jsonb_path_ops)' },
  ],
  properties: {
    id: p.string().primary(),
    /** Deterministic per send attempt of a workflow activity: a retried activity never sends twice. */
    idempotencyKey: p.string().unique(),
    org: p.string(),
    repairIds: p.json<string[]>(),
    channel: p.enum(['email', 'sms', 'whatsapp', 'ticket', 'call'] as const),
    recipient: p.string(),
    template: p.string(),
    locale: p.string().length(5),
    status: p.enum(['queued', 'held', 'sent', 'delivered', 'failed', 'suppressed'] as const),
    providerId: p.string().nullable(),
    error: p.text().nullable(),
    sendAfter: p.datetime().nullable(),
    /** The rendered message (alerts carry no secrets), kept for held messages and the delivery log. */
    content: p.json<{ subject?: string; text: string; html?: string; whatsapp?: WhatsAppContent }>().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});
export type NotificationRow = InferEntity<typeof Notification>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export interface TicketStateChange {
  at: string;
  from: string | null;
  to: string;
  reason: string;
}

/** A chat ticket: carries the repair's full context so nobody asks the merchant again. */
export const SupportTicket = defineEntity({
  name: 'SupportTicket',
  tableName: 'support_tickets',
  indexes: [{ properties: ['org', 'state'] }, { properties: ['connectionId'] }],
  properties: {
    id: p.string().primary(),
    org: p.string(),
    repairId: p.string().nullable(),
    connectionId: p.string().nullable(),
    errorType: p.string().nullable(),
    subject: p.text(),
    state: p.enum(['open', 'waiting_on_merchant', 'closed'] as const),
    context: p.json<Record<string, unknown>>(),
    createdBy: p.string().nullable(),
    firstResponseDueAt: p.datetime().nullable(),
    firstRespondedAt: p.datetime().nullable(),
    slaBreachedAt: p.datetime().nullable(),
    stateHistory: p.json<TicketStateChange[]>(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    closedAt: p.datetime().nullable(),
  },
});
export type SupportTicketRow = InferEntity<typeof SupportTicket>;

export const TicketMessage = defineEntity({
  name: 'TicketMessage',
  tableName: 'ticket_messages',
  indexes: [{ properties: ['ticketId', 'createdAt'] }],
  properties: {
    id: p.string().primary(),
    ticketId: p.string(),
    author: p.enum(['merchant', 'agent', 'system'] as const),
    authorId: p.string().nullable(),
    body: p.text(),
    createdAt: p.datetime(),
  },
});
export type TicketMessageRow = InferEntity<typeof TicketMessage>;

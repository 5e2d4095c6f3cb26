// The support ticket (one per ticket) workflow's messages, payload types and id helpers: the only file of this
// workflow that clients (the API, the worker, tests) import.
import { defineSignal } from '@temporalio/workflow';

export const ticketWorkflowId = (ticketId: string) => `ticket-${ticketId}`;

export interface TicketWorkflowInput {
  version: 1;
  ticketId: string;
  orgId: string;
  /** Computed from the organization's support hours when the ticket opened (epoch ms). */
  firstResponseDueAt: number;
  /** Closed when the merchant has not answered an agent for this long. */
  autoCloseAfterMs: number;
  /** A closed ticket still reopens on a merchant reply for this long. */
  reopenWindowMs: number;
}

export const ticketMessageSignal = defineSignal<[{ author: 'merchant' | 'agent'; at: number }]>('ticketMessage');
/** The same error came back on the connection: reopen instead of opening a twin. */
export const ticketReopenSignal = defineSignal<[{ reason: string }]>('ticketReopen');

// The webhook dispatcher (one per subscription) workflow's messages, payload types and id helpers: the only file of this
// workflow that clients (the API, the worker, tests) import.
import { defineSignal } from '@temporalio/workflow';

export const WEBHOOK_EVENT_TYPES = [
  'repair.opened',
  'repair.action_needed',
  'repair.attempt',
  'repair.resolved',
  'repair.escalated',
  'repair.acknowledged',
  'provider.degraded',
  'provider.recovered',
  'ticket.opened',
  'ticket.updated',
  'ticket.closed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The stream key is the subscription id: one subscriber's dead endpoint never holds back another's events. */
export const webhookDispatcherWorkflowId = (streamKey: string) => `webhooks-${streamKey}`;
export const webhookDeliveriesSignal = defineSignal<[{ deliveryIds: string[] }]>('webhookDeliveries');
/** A person asked for a delivery again: queued even if the dispatcher already delivered it. */
export const webhookRedeliverySignal = defineSignal<[{ deliveryId: string }]>('webhookRedelivery');

export interface WebhookDispatcherInput {
  version: 1;
  streamKey: string;
  pending?: string[];
  /** First retry delay of a failing delivery (doubles up to an hour). */
  retryInitialMs?: number;
  /** How long one delivery is retried before it is recorded failed; a day unless told. */
  retryForMs?: number;
  /** The last delivery was given up on: the next ones get a few attempts each (carried across continue-as-new). */
  endpointDown?: boolean;
}

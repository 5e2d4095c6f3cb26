// The org notifier (one per organization, groups its alerts) workflow's messages, payload types and id helpers: the only file of this
// workflow that clients (the API, the worker, tests) import.
import { defineSignal } from '@temporalio/workflow';

export const orgNotifierWorkflowId = (orgId: string) => `notifier-${orgId}`;

export type AlertKind = 'action_needed' | 'reminder' | 'escalated_emergency' | 'escalated_support' | 'support_requested' | 'reconnected' | 'provider_issue' | 'acknowledged';

/** Kinds that close a follow-up window early (their signal always goes, see notify.activities). */
export const CANNOT_WAIT_KINDS: ReadonlySet<AlertKind> = new Set(['escalated_emergency', 'escalated_support', 'support_requested']);
/**
 * After a delivery the next one waits this many windows (as Alertmanager's group_interval): an
 * outage that goes on, whose openings a fair queue spreads over minutes, reaches people as one
 * follow-up rather than a message every window. What cannot wait (CANNOT_WAIT_KINDS) closes the follow-up early.
 */
export const FOLLOW_UP_WINDOWS = 5;
/** One repair's wish to tell people something; the notifier groups these per organization. */
export interface AlertIntent {
  intentId: string;
  repairId: string;
  kind: AlertKind;
  /** When it was raised, epoch ms, by the recorder's clock (a repair's activity, or the API at intake). */
  at: number;
  /** Numbers not to tell (the person who acknowledged is not told that they did). */
  except?: string[];
}

export interface OrgNotifierInput {
  version: 1;
  orgId: string;
  windowMs: number;
  /** Intents received but not yet delivered, carried across continue-as-new. */
  carried?: AlertIntent[];
  /** A wake for an intent already taken arrived and its collection has not run yet (carried across continue-as-new). */
  rewoken?: boolean;
  /** The run before ended its batches idle: the collection before an idle end runs first (carried across continue-as-new). */
  sweep?: boolean;
  /** SMS held outside support hours, to release at that time (epoch ms). */
  heldUntil?: number | null;
  /** How long a channel that is down is retried before its messages are recorded failed. */
  retry?: AlertRetry;
}

export interface AlertRetry {
  /** First retry delay; doubles up to five minutes. */
  initialIntervalMs: number;
  /** Attempts of one delivery (the first included) before its messages are given up on. */
  maximumAttempts: number;
}
/** About 40 minutes of retries: 5 s, 10 s, … then every 5 minutes, 14 attempts in all. */
export const DEFAULT_ALERT_RETRY: AlertRetry = { initialIntervalMs: 5_000, maximumAttempts: 14 };

export const alertRequestedSignal = defineSignal<[AlertIntent]>('alertRequested');

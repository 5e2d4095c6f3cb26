// Task-queue priority and fairness, in one place (pure: workflow code imports it too).
// Priority orders work within the queue: what a person waits for goes first. Fairness shares the
// queue between organizations: one chain's thousand repairs never delay a one-store merchant's
// alert behind all of them. See docs/deploy.md ("Fairness and priority") for what servers need.
import type { Priority } from '@temporalio/common';

/** Temporal priority keys: 1 goes first, 5 last, unset is 3. */
export const PRIORITY = {
  /** A person clicked and waits for the answer: an action's pairing. */
  personWaiting: 1,
  /**
   * The notifier and its deliveries: people wait for the alert. Ahead of openings, or an
   * organization's alert would wait in its own fair share behind its own openings (one a window).
   */
  alertDelivery: 1,
  /** A new repair's opening (its record and first alert) while its organization is open now. */
  firstAlert: 2,
  /** A repair's ordinary work (reports joining, closing). */
  repair: 3,
  /** Nobody waits: probes, a repair's own retries, reminders, digests. */
  background: 4,
} as const;

export type PriorityLevel = (typeof PRIORITY)[keyof typeof PRIORITY];

/** The organization is the fairness key: each gets its share of the queue, whatever its size. */
export function orgPriority(orgId: string, priorityKey: PriorityLevel): Priority {
  return { priorityKey, fairnessKey: orgId };
}

/** A provider's health workflow: ordinary priority, a fairness key of its own (no organization pays for it). */
export function providerPriority(provider: string): Priority {
  return { priorityKey: PRIORITY.repair, fairnessKey: `provider:${provider}` };
}

/**
 * `temporal server start-dev` honours fairness keys only with this flag (off by default through
 * server 1.32); priority keys work without it. Every dev server this project starts passes it.
 */
export const FAIRNESS_SERVER_FLAGS = ['--dynamic-config-value', 'matching.enableFairness=true'] as const;

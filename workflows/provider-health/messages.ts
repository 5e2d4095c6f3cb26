// The provider health (outage detection, one per provider) workflow's messages, payload types and id helpers: the only file of this
// workflow that clients (the API, the worker, tests) import.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export const providerHealthWorkflowId = (provider: string) => `provider-health-${provider}`;

export interface ProviderFailure {
  connectionId: string;
  accountRef: string;
  repairId: string;
  code: string;
  at: number;
}

export interface ProviderHealthInput {
  version: 1;
  provider: string;
  /** This many distinct connections failing with provider_unavailable within the window: degraded. */
  threshold: number;
  windowMs: number;
  /** While degraded, how often to check whether the provider answers again. */
  recheckMs: number;
  /** Bounded: the most recent distinct failing connections (at most the threshold's worth), and when to recheck. */
  carried?: { failures: ProviderFailure[]; degraded: boolean; recheckAt?: number; reports?: number };
}

/** What the provider-health workflow knows now: for operators and drills. */
export interface ProviderHealthView {
  degraded: boolean;
  /** Distinct failing connections kept (bounded). */
  tracked: number;
  /** Failures reported since the workflow first started (across continue-as-new). */
  reports: number;
}
export const providerHealthQuery = defineQuery<ProviderHealthView>('providerHealth');

export const providerFailureSignal = defineSignal<[ProviderFailure]>('providerFailure');
/** The provider is back: a waiting repair re-pairs now instead of at its next backoff. */
export const retryNowSignal = defineSignal('retryNow');

// Every workflow's messages, payload types, task queue and id helpers: imported by the worker,
// the API and tests. Clients never import workflow bodies.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ErrorType, Resolution, StoreConfigCause } from '../core/providers/index.js';
import type { ActionOutcome, RepairState } from './repair/repair-rules.js';
import type { RepairTimings } from '../core/config/repair-timings.js';

/** The task queue every repair workflow and activity runs on (overridable by TEMPORAL_TASK_QUEUE). */
export const DEFAULT_TASK_QUEUE = 'repair';

// ---------------------------------------------------------------- worker probe
export interface WorkerProbeInput {
  version: 1;
  sentAt: string;
}
export interface WorkerProbeResult {
  answeredAt: string;
}
export const workerProbeWorkflowId = (nonce: string) => `worker-probe-${nonce}`;

// ---------------------------------------------------------------- repair
/** One workflow per connection: a second report joins the running repair instead of starting a twin. */
export const repairWorkflowId = (connectionId: string) => `repair-${connectionId}`;

export interface ConnectionFacts {
  connectionId: string;
  orgId: string;
  provider: string;
  accountRef: string;
  storeIds: string[];
}

export interface DisconnectionReport {
  errorCode: string;
  errorMessage?: string;
  /** ISO time the caller saw the failure. */
  occurredAt?: string;
  /** Who reported it: an API caller, or a proactive probe. */
  source?: 'api' | 'probe';
}

export interface ClassifiedError {
  code: string;
  message?: string;
  errorType: ErrorType;
  cause: StoreConfigCause | null;
  resolution: Resolution;
}

export interface RepairSnapshot {
  repairId: string;
  connection: ConnectionFacts;
  state: RepairState;
  error: ClassifiedError | null;
  attempts: number;
  lastOutcome: ActionOutcome | null;
  reportCount: number;
  reminderCount: number;
  escalation: 'none' | 'emergency' | 'support';
  supportRequested: boolean;
  /** Workflow times in epoch ms. */
  openedAt: number;
  lastActivityAt: number;
  deferredUntil: number | null;
  unavailableSince: number | null;
  challengeId: string | null;
  /** Bumped on every change, so the database keeps only the newest copy. */
  revision: number;
  /** Ids of the latest report updates: a report re-delivered after continue-as-new is not counted twice. */
  recentReportIds?: string[];
}

export interface RepairWorkflowInput {
  version: 1;
  repairId: string;
  connection: ConnectionFacts;
  timings: RepairTimings;
  /** Set when the workflow continues as new: the state it carries over. */
  carried?: RepairSnapshot;
  /** Reports that arrived while the previous repair of the connection was closing: they open this one. */
  reports?: ReportSignal[];
}

/**
 * A report as the API sends it (signal-with-start): the API has already chosen the repair in
 * PostgreSQL (one open repair per connection), so nobody waits for the workflow to answer.
 */
export interface ReportSignal {
  /** Counts the report once however often it is delivered. */
  reportId: string;
  /** The repair the API answered with: a different one than the workflow's means "a new repair". */
  repairId: string;
  report: DisconnectionReport;
}

export interface RepairResult {
  repairId: string;
  outcome: 'healthy' | 'repaired_elsewhere';
  attempts: number;
}

export interface ReportAnswer {
  repairId: string;
  state: RepairState;
  /** True when the report joined a repair that was already running. */
  joined: boolean;
}

export interface ActorInput {
  actingUserId: string;
}
export interface CredentialsInput extends ActorInput {
  /** Reference of the encrypted username and password; the secret itself never enters history. */
  secretRef: string;
}
export interface VerificationCodeInput extends ActorInput {
  secretRef: string;
}
export interface SupportRequestInput extends ActorInput {
  message: string;
}

export interface ActionAnswer {
  outcome: ActionOutcome;
  state: RepairState;
  errorType: ErrorType | null;
  resolution: Resolution | null;
  /** For deferrals: when the reminder is due. */
  remindAt?: string;
  /** For a code refused because it expired: credentials must be entered again. */
  codeExpired?: boolean;
}

/** Older API replicas report with this update (update-with-start); newer ones send `disconnectionReportedSignal`. */
export const reportDisconnectionUpdate = defineUpdate<ReportAnswer, [DisconnectionReport]>('reportDisconnection');
export const disconnectionReportedSignal = defineSignal<[ReportSignal]>('disconnectionReported');
export const submitCredentialsUpdate = defineUpdate<ActionAnswer, [CredentialsInput]>('submitCredentials');
export const submitVerificationCodeUpdate = defineUpdate<ActionAnswer, [VerificationCodeInput]>('submitVerificationCode');
export const completeStepsUpdate = defineUpdate<ActionAnswer, [ActorInput]>('completeSteps');
export const deferRepairUpdate = defineUpdate<ActionAnswer, [ActorInput]>('deferRepair');
export const requestSupportUpdate = defineUpdate<ActionAnswer, [SupportRequestInput]>('requestSupport');

/** A backend saw the connection working again: the repair ends as repaired elsewhere. */
export const connectionHealthySignal = defineSignal<[{ source: 'api' | 'probe'; at?: string }]>('connectionHealthy');
export const repairSnapshotQuery = defineQuery<RepairSnapshot>('repairSnapshot');

// ---------------------------------------------------------------- alerts (one notifier per organization)
export const orgNotifierWorkflowId = (orgId: string) => `notifier-${orgId}`;

export type AlertKind = 'action_needed' | 'reminder' | 'escalated_emergency' | 'escalated_support' | 'support_requested' | 'reconnected' | 'provider_issue';

/** One repair's wish to tell people something; the notifier groups these per organization. */
export interface AlertIntent {
  intentId: string;
  repairId: string;
  kind: AlertKind;
  /** Workflow time of the repair, epoch ms. */
  at: number;
}

export interface OrgNotifierInput {
  version: 1;
  orgId: string;
  windowMs: number;
  /** Intents received but not yet delivered, carried across continue-as-new. */
  carried?: AlertIntent[];
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

// ---------------------------------------------------------------- webhooks (one dispatcher per subscription)
export const WEBHOOK_EVENT_TYPES = [
  'repair.opened',
  'repair.action_needed',
  'repair.attempt',
  'repair.resolved',
  'repair.escalated',
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

// ---------------------------------------------------------------- support tickets (a workflow each)
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

// ---------------------------------------------------------------- provider health (outage detection)
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

// ---------------------------------------------------------------- proactive probes (a Schedule per provider)
export const probeScheduleId = (provider: string) => `probe-${provider}`;

export interface ConnectionProbeInput {
  version: 1;
  provider: string;
  batchSize: number;
  /** Pause between two checks, from the provider's rate limit. */
  delayBetweenChecksMs: number;
  /** Failed checks in a row before a repair opens. */
  failuresBeforeRepair: number;
}

export interface ProbeSummary {
  checked: number;
  healthy: number;
  failing: number;
  repairsOpened: number;
  repairsClosed: number;
}

// ---------------------------------------------------------------- invitations (one per invited user)
export const invitationWorkflowId = (userId: string) => `invitation-${userId}`;

/** A merchant invited a colleague; the invitation e-mail carries a sign-in link. */
export interface InvitationInput {
  version: 1;
  invitedUserId: string;
  inviterUserId: string;
}

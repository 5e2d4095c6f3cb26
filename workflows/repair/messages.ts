// The repair workflow's messages, payload types and id helpers: the only file of this
// workflow that clients (the API, the worker, tests) import.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ErrorType, Resolution, StoreConfigCause } from '../../core/providers/index.js';
import type { ActionOutcome, RepairState } from './repair-rules.js';
import type { RepairTimings } from '../../core/config/repair-timings.js';

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
  /** When the repair entered its current state (stamped when the state is first published; absent in older runs). */
  stateSince?: number;
  challengeId: string | null;
  /** Bumped on every change, so the database keeps only the newest copy. */
  revision: number;
  /** Ids of the latest report updates: a report re-delivered after continue-as-new is not counted twice. */
  recentReportIds?: string[];
  /** Who took the repair in hand ("I'm on it"), and when (epoch ms); absent until someone does. */
  acknowledgedBy?: string | null;
  acknowledgedAt?: number | null;
  /** Reminders and escalations wait until then after an acknowledgement (epoch ms). */
  quietUntil?: number | null;
  /** When the repair escalated to the emergency contacts (epoch ms): their call is due from it. */
  escalatedAt?: number | null;
  /** The unacknowledged emergency escalation has called the emergency contacts. */
  emergencyCalled?: boolean;
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

/** How someone answered an alert: an SMS or WhatsApp reply, a key pressed on a call, the pages. */
export type AnswerChannel = 'sms' | 'whatsapp' | 'call' | 'page';

/** "I'm on it" or "remind me in an hour", from whoever answered an alert (a user or a contact by name or number). */
export interface AlertAnswerInput {
  /** The name shown to the others ("Lola", or the number when nobody by that number is known). */
  by: string;
  via: AnswerChannel;
  /** The number that answered (E.164), when it came by phone: it is not told that it took the repair itself. */
  phone?: string;
}

export interface AcknowledgeAnswer {
  /** False when someone had acknowledged it already: the answer names them. */
  acknowledged: boolean;
  acknowledgedBy: string;
  acknowledgedAt: string;
  /** Until when reminders and escalations wait. */
  quietUntil: string;
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

/** How the API hands a report to the repair (signal-with-start); it answers the caller itself (`ReportAnswer`). */
export const disconnectionReportedSignal = defineSignal<[ReportSignal]>('disconnectionReported');
export const submitCredentialsUpdate = defineUpdate<ActionAnswer, [CredentialsInput]>('submitCredentials');
export const submitVerificationCodeUpdate = defineUpdate<ActionAnswer, [VerificationCodeInput]>('submitVerificationCode');
export const completeStepsUpdate = defineUpdate<ActionAnswer, [ActorInput]>('completeSteps');
export const deferRepairUpdate = defineUpdate<ActionAnswer, [ActorInput]>('deferRepair');
export const requestSupportUpdate = defineUpdate<ActionAnswer, [SupportRequestInput]>('requestSupport');

/** Someone who got an alert took the repair in hand: escalation pauses and the others are told who. */
export const acknowledgeUpdate = defineUpdate<AcknowledgeAnswer, [AlertAnswerInput]>('acknowledge');
/** Someone who got an alert asked to be reminded later (SMS "2"): the next reminder moves there. */
export const remindLaterUpdate = defineUpdate<{ remindAt: string }, [AlertAnswerInput]>('remindLater');

/** A backend saw the connection working again: the repair ends as repaired elsewhere. */
export const connectionHealthySignal = defineSignal<[{ source: 'api' | 'probe'; at?: string }]>('connectionHealthy');
/**
 * Operators, once a fix to the provider catalogue is deployed: classify the repair's error again with
 * today's rules (a batch signal over a visibility query; docs/runbook.md). Nothing changes when the
 * rules say the same, so sending it twice, or to repairs the fix does not concern, is harmless.
 */
export const reclassifySignal = defineSignal<[{ reason: string }]>('reclassify');
export const repairSnapshotQuery = defineQuery<RepairSnapshot>('repairSnapshot');

// Pure changes to a repair's snapshot: classification, state for a resolution, due timers.
import { classifyError, type Resolution } from '../../core/providers/index.js';
import type { RepairTimings } from '../../core/config/repair-timings.js';
import type { ClassifiedError, DisconnectionReport, RepairSnapshot, RepairWorkflowInput } from './messages.js';
import { isOpen, type RepairState } from './repair-rules.js';

export function initialSnapshot(input: RepairWorkflowInput, now: number): RepairSnapshot {
  return {
    repairId: input.repairId,
    connection: input.connection,
    state: 'awaiting_support',
    error: null,
    attempts: 0,
    lastOutcome: null,
    reportCount: 0,
    reminderCount: 0,
    escalation: 'none',
    supportRequested: false,
    openedAt: now,
    lastActivityAt: now,
    deferredUntil: null,
    unavailableSince: null,
    stateSince: now,
    challengeId: null,
    revision: 0,
  };
}

export function classify(provider: string, code: string, message?: string): ClassifiedError {
  const c = classifyError(provider, { errorCode: code, errorMessage: message });
  return { code, message, errorType: c.errorType, cause: c.cause, resolution: c.resolution };
}

export const classifyReport = (provider: string, report: DisconnectionReport) => classify(provider, report.errorCode, report.errorMessage);

export function stateForResolution(resolution: Resolution): RepairState {
  switch (resolution) {
    case 'reconnect':
      return 'awaiting_credentials';
    case 'merchant_portal':
      return 'awaiting_portal_steps';
    case 'retry':
      return 'retrying';
    case 'support':
      return 'awaiting_support';
  }
}

/** Two errors are "the same" when type and cause match, whatever the wording. */
export const sameError = (a: Pick<ClassifiedError, 'errorType' | 'cause'> | null, b: Pick<ClassifiedError, 'errorType' | 'cause'>) =>
  a !== null && a.errorType === b.errorType && a.cause === b.cause;

/**
 * Whether a report's error replaces the open repair's: a different error, unless the repair is
 * closed or a pairing is under way. The workflow applies it; the API predicts its answer with it.
 */
export const reportChangesError = (state: RepairState, current: Pick<ClassifiedError, 'errorType' | 'cause'> | null, next: Pick<ClassifiedError, 'errorType' | 'cause'>) =>
  !sameError(current, next) && state !== 'verifying' && isOpen(state);

/** Makes `error` the repair's current error and puts the repair in the state its resolution asks for. */
export function applyError(s: RepairSnapshot, error: ClassifiedError, now: number): void {
  s.error = error;
  s.state = stateForResolution(error.resolution);
  s.challengeId = null;
  s.unavailableSince = error.errorType === 'provider_unavailable' ? (s.unavailableSince ?? now) : null;
  touch(s, now);
}

export function touch(s: RepairSnapshot, now: number): void {
  s.lastActivityAt = now;
  s.revision += 1;
}

export type DueKind = 'reminder' | 'escalate_emergency' | 'escalate_support' | 'call_emergency';

/** Runs that started before these timings existed keep the defaults (docs/alert-answers.md). */
const CALL_AFTER_MS = 15 * 60_000;

/**
 * The next timer a waiting repair must act on, or null when nothing is scheduled. `calls`: the
 * unacknowledged emergency escalation calls its contacts (off while replaying runs that predate it).
 * After an acknowledgement every timer waits for the quiet period to end.
 */
export function nextDue(s: RepairSnapshot, t: RepairTimings, options: { calls?: boolean } = {}): { at: number; kind: DueKind } | null {
  const candidates: { at: number; kind: DueKind }[] = [];
  if (s.state !== 'retrying' && s.state !== 'verifying') {
    if (s.deferredUntil !== null) candidates.push({ at: s.deferredUntil, kind: 'reminder' });
    else if (s.reminderCount < t.maxReminders) {
      candidates.push({ at: s.lastActivityAt + (s.reminderCount === 0 ? t.firstReminderMs : t.reminderEveryMs), kind: 'reminder' });
    }
  }
  if (s.escalation === 'none') candidates.push({ at: s.openedAt + t.escalateToEmergencyMs, kind: 'escalate_emergency' });
  if (s.escalation !== 'support') candidates.push({ at: s.openedAt + t.escalateToSupportMs, kind: 'escalate_support' });
  if (options.calls && callDue(s)) candidates.push({ at: s.escalatedAt! + (t.callAfterMs ?? CALL_AFTER_MS), kind: 'call_emergency' });
  const quietUntil = s.quietUntil ?? 0;
  return candidates.map((c) => (c.at < quietUntil ? { ...c, at: quietUntil } : c)).sort((a, b) => a.at - b.at)[0] ?? null;
}

/** An emergency escalation nobody acknowledged and nobody has been called about yet. */
export const callDue = (s: RepairSnapshot) => s.escalation === 'emergency' && !s.acknowledgedAt && !s.emergencyCalled && typeof s.escalatedAt === 'number';

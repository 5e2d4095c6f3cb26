// When a repair reminds, escalates and retries: the defaults, in one place. Each can be
// overridden by an environment variable holding milliseconds (REPAIR_<NAME>_MS); tests pass
// short values. Running repairs keep the timings they started with.
import { readInt } from './env-readers.js';

export interface RepairTimings {
  /** First reminder when nobody acted since the alert. */
  firstReminderMs: number;
  /** Later reminders, while nobody acts. */
  reminderEveryMs: number;
  maxReminders: number;
  /** "I'll do it later": remind after this long. */
  deferMs: number;
  /** Tell the emergency technical contacts when the repair is still open after this long. */
  escalateToEmergencyMs: number;
  /** Hand the case to support when the repair is still open after this long. */
  escalateToSupportMs: number;
  /** provider_unavailable: first retry delay, doubling up to the maximum. */
  retryInitialMs: number;
  retryMaxMs: number;
  /** provider_unavailable lasting longer than this becomes a repair that asks merchants to act. */
  unavailableGraceMs: number;
  /** After someone acknowledges ("I'm on it"), reminders and escalations wait this long. */
  acknowledgePauseMs: number;
  /** SMS reply "2": remind after this long. */
  remindLaterMs: number;
  /** An emergency escalation nobody acknowledged within this long calls the emergency contacts. */
  callAfterMs: number;
  /** Continue as new past this many history events, keeping histories small. */
  historyLimit: number;
  /** An open repair no workflow has written after this long had its start fail: the reconciler starts it. */
  reconcileAfterMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DEFAULT_REPAIR_TIMINGS: RepairTimings = {
  firstReminderMs: 2 * HOUR,
  reminderEveryMs: 24 * HOUR,
  maxReminders: 3,
  deferMs: 4 * HOUR,
  escalateToEmergencyMs: 24 * HOUR,
  escalateToSupportMs: 72 * HOUR,
  retryInitialMs: 30_000,
  retryMaxMs: 10 * MINUTE,
  unavailableGraceMs: 30 * MINUTE,
  acknowledgePauseMs: 4 * HOUR,
  remindLaterMs: HOUR,
  callAfterMs: 15 * MINUTE,
  historyLimit: 5_000,
  reconcileAfterMs: 2 * MINUTE,
};

const ENV_NAMES: Record<keyof RepairTimings, string> = {
  firstReminderMs: 'REPAIR_FIRST_REMINDER_MS',
  reminderEveryMs: 'REPAIR_REMINDER_EVERY_MS',
  maxReminders: 'REPAIR_MAX_REMINDERS',
  deferMs: 'REPAIR_DEFER_MS',
  escalateToEmergencyMs: 'REPAIR_ESCALATE_EMERGENCY_MS',
  escalateToSupportMs: 'REPAIR_ESCALATE_SUPPORT_MS',
  retryInitialMs: 'REPAIR_RETRY_INITIAL_MS',
  retryMaxMs: 'REPAIR_RETRY_MAX_MS',
  unavailableGraceMs: 'REPAIR_UNAVAILABLE_GRACE_MS',
  acknowledgePauseMs: 'REPAIR_ACKNOWLEDGE_PAUSE_MS',
  remindLaterMs: 'REPAIR_REMIND_LATER_MS',
  callAfterMs: 'REPAIR_CALL_AFTER_MS',
  historyLimit: 'REPAIR_HISTORY_LIMIT',
  reconcileAfterMs: 'REPAIR_RECONCILE_AFTER_MS',
};

export function loadRepairTimings(env: NodeJS.ProcessEnv = process.env): RepairTimings {
  const timings = { ...DEFAULT_REPAIR_TIMINGS };
  for (const key of Object.keys(ENV_NAMES) as (keyof RepairTimings)[]) {
    timings[key] = readInt(env, ENV_NAMES[key], DEFAULT_REPAIR_TIMINGS[key], 1, 365 * 24 * HOUR);
  }
  return timings;
}

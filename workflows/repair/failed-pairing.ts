// What a pairing that never got the provider's answer means for the person who asked: the entry
// has to be given again (its secret cannot be used), or the attempt failed on our side after every
// retry (the database, a worker, a provider slower than the activity's limit) and can be tried again.
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { SECRET_FAILURE_TYPES } from './secret-failures.js';

export type FailedPairingOutcome = 'entry_expired' | 'submit_again' | 'pairing_failed';

/** The outcome for a failed pairing activity, or null when the error is not an activity's failure. */
export function failedPairingOutcome(error: unknown): FailedPairingOutcome | null {
  if (!(error instanceof ActivityFailure)) return null;
  const type = error.cause instanceof ApplicationFailure ? error.cause.type : undefined;
  if (type === SECRET_FAILURE_TYPES.expired) return 'entry_expired';
  if (type === SECRET_FAILURE_TYPES.missing || type === SECRET_FAILURE_TYPES.unreadable) return 'submit_again';
  return 'pairing_failed';
}

/** The failure's type and message, for the operator's log line (never a secret: activities do not put one there). */
export function failureSummary(error: unknown): { type: string | undefined; message: string | undefined } {
  const cause = error instanceof ActivityFailure ? error.cause : undefined;
  return { type: cause instanceof ApplicationFailure ? (cause.type ?? undefined) : cause?.name, message: cause?.message };
}

// A record PostgreSQL refuses for its data (SQLSTATE class 22: a NUL, an untranslatable character,
// a value too long; class 23: a constraint) fails the same way on every retry. Retrying it forever
// wedged a repair: such an activity fails once, non-retryable, with a named type the workflow
// handles. Connection loss, timeouts and deadlocks (classes 08, 57, 40…) stay transient and retry.
import { ApplicationFailure } from '@temporalio/activity';

export const RECORD_REFUSED = 'RecordRefused';

/** What each refusal means, for the failure's message: never the values (they may hold anything). */
const MEANINGS: Record<string, string> = {
  '22001': 'a value is too long',
  '22021': 'a character is not valid in the database encoding',
  '22P05': 'a character cannot be stored (such as U+0000)',
  '22P02': 'a value has the wrong form',
  '23502': 'a required value is missing',
  '23503': 'a record it refers to does not exist',
  '23514': 'a value breaks a check constraint',
};

/** The SQLSTATE of a database error, looked for on the error and its causes (MikroORM wraps pg's). */
function sqlStateOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    for (const key of ['sqlState', 'code'] as const) {
      const value = (e as Record<string, unknown>)[key];
      if (typeof value === 'string' && /^[0-9A-Z]{5}$/.test(value)) return value;
    }
  }
  return undefined;
}

/**
 * The non-retryable failure for a data error, or undefined for anything else. A unique violation
 * (23505) is left to retry: it is a concurrent writer of the same row, which the retry reads as done.
 */
export function refusedRecord(error: unknown, what: string): ApplicationFailure | undefined {
  const state = sqlStateOf(error);
  if (!state || !/^2[23]/.test(state) || state === '23505') return undefined;
  const meaning = MEANINGS[state] ?? (state.startsWith('22') ? 'a value is not valid data' : 'a constraint is not met');
  return ApplicationFailure.create({ type: RECORD_REFUSED, nonRetryable: true, message: `The database refused ${what}: ${meaning} (SQLSTATE ${state}).`, details: [{ sqlState: state }] });
}

/** Runs a database write; a refusal for its data becomes the non-retryable failure above. */
export async function refusingBadData<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw refusedRecord(error, what) ?? error;
  }
}

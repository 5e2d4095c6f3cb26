// How every person's action (an Update) is taken: the validator refuses what the state does not
// allow before history is written; the handler waits for the opening, then runs alone, and refuses
// once more if an action that ran first changed the state (two people acting at the same moment).
import { ApplicationFailure } from '@temporalio/workflow';
import { isActionAllowed, type RepairAction } from '../repair-rules.js';
import type { RepairRun } from '../repair-run.js';

export const ACTION_NOT_ALLOWED = 'ActionNotAllowed';

/** The Update's validator: synchronous, changes nothing. */
export function allowedNow(run: RepairRun, action: RepairAction): (input?: unknown) => void {
  return () => {
    if (!isActionAllowed(run.repair.state, action)) throw new Error(`${action} is not allowed while the repair is ${run.repair.state}`);
  };
}

export async function actAlone<T>(run: RepairRun, action: RepairAction, work: () => Promise<T>): Promise<T> {
  await run.untilOpened();
  return run.actions.run(async () => {
    const { state } = run.repair;
    if (!isActionAllowed(state, action)) throw ApplicationFailure.nonRetryable(`${action} is not allowed while the repair is ${state}`, ACTION_NOT_ALLOWED);
    return work();
  });
}

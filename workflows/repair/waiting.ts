// Waiting: until the connection is healthy again, the repair follows people's actions and reports
// (handlers), retries on its own while the provider is down, and acts on its timers. It hands over
// to a new run when its history grows long.
import { allHandlersFinished, condition, patched, workflowInfo } from '@temporalio/workflow';
import { save } from './bookkeeping.js';
import { actOnDue } from './due-timers.js';
import { isOpen } from './repair-rules.js';
import type { RepairRun } from './repair-run.js';
import { RetryBackoff, retryWhenDue } from './retrying.js';
import { nextDue } from './snapshot.js';

export type WaitEnd = 'closing' | 'history_full';

export async function waitForRepair(run: RepairRun): Promise<WaitEnd> {
  const backoff = new RetryBackoff(run.timings);
  while (isOpen(run.repair.state) && !run.endedElsewhere) {
    if (await historyIsFull(run)) return 'history_full';
    await saveJoinedReports(run);
    if (run.repair.state === 'retrying') await retryWhenDue(run, backoff);
    else {
      backoff.reset();
      await waitForPeople(run);
    }
  }
  return 'closing';
}

/** Continue-as-new once every handler has finished, and never in the middle of a pairing. */
async function historyIsFull(run: RepairRun): Promise<boolean> {
  const info = workflowInfo();
  if (info.historyLength <= run.timings.historyLimit && !info.continueAsNewSuggested) return false;
  await condition(allHandlersFinished);
  return run.repair.state !== 'verifying';
}

/** Not an action of the merchant's: reminders keep their schedule (no touch()). */
async function saveJoinedReports(run: RepairRun): Promise<void> {
  if (!run.unsavedReports) return;
  run.unsavedReports = false;
  run.repair.revision += 1;
  await save(run);
}

/** Until something changes or the next timer is due; a pairing under way holds the timers (it ends: its retries are bounded). */
async function waitForPeople(run: RepairRun): Promise<void> {
  const repair = run.repair;
  const seen = repair.revision;
  if (repair.state === 'verifying') {
    await condition(() => repair.state !== 'verifying' || run.endedElsewhere);
    return;
  }
  // Runs recorded before the emergency call replay without its timer.
  const due = nextDue(repair, run.timings, { calls: patched('emergency-call') });
  // Already due (it fell due during a pairing): act now rather than through a 1 ms timer.
  if (due && due.at <= Date.now()) return actOnDue(run, due.kind);
  const changed = () => repair.revision !== seen || run.endedElsewhere || !isOpen(repair.state) || run.unsavedReports;
  if (!due) return void (await condition(changed));
  const woke = await condition(changed, Math.max(due.at - Date.now(), 1));
  // A pairing that began as the timer fired holds it too.
  if (woke || isVerifying(run)) return;
  await actOnDue(run, due.kind);
}

const isVerifying = (run: RepairRun) => run.repair.state === 'verifying';

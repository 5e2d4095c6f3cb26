// SMS reply "2": remind me in an hour. Like "I'll do it later" in the pages, but from whoever got
// the alert (no user needed) and for a shorter, fixed time.
import { setHandler } from '@temporalio/workflow';
import { save } from '../bookkeeping.js';
import { remindLaterUpdate } from '../messages.js';
import { isOpen } from '../repair-rules.js';
import type { RepairRun } from '../repair-run.js';
import { validAnswer } from './alert-answer.js';

const HOUR = 3_600_000;

export function handleRemindLater(run: RepairRun): void {
  setHandler(
    remindLaterUpdate,
    async ({ by, via }) => {
      await run.untilOpened();
      const repair = run.repair;
      repair.deferredUntil = Date.now() + (run.timings.remindLaterMs ?? HOUR);
      // Not touch(): the reminder schedule moves only through deferredUntil; the revision wakes the wait.
      repair.revision += 1;
      await save(run, { kind: 'deferred', outcome: 'deferred', detail: { by, via } });
      return { remindAt: new Date(repair.deferredUntil).toISOString() };
    },
    {
      validator: (input) => {
        validAnswer(input);
        if (!isOpen(run.repair.state)) throw new Error(`the repair is ${run.repair.state}: there is nothing to remind of`);
      },
    },
  );
}

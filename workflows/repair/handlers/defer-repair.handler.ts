// "I'll do it later": the next reminder moves to the end of the deferral.
import { setHandler } from '@temporalio/workflow';
import { save } from '../bookkeeping.js';
import { deferRepairUpdate } from '../messages.js';
import type { RepairRun } from '../repair-run.js';
import { touch } from '../snapshot.js';
import { actAlone, allowedNow } from './people-act.js';

export function handleDeferRepair(run: RepairRun): void {
  setHandler(
    deferRepairUpdate,
    ({ actingUserId }) =>
      actAlone(run, 'defer', async () => {
        const repair = run.repair;
        repair.deferredUntil = Date.now() + run.timings.deferMs;
        repair.lastOutcome = 'deferred';
        touch(repair, Date.now());
        await save(run, { kind: 'deferred', actorUserId: actingUserId, action: 'defer', outcome: 'deferred' });
        return run.answer('deferred', { remindAt: new Date(repair.deferredUntil).toISOString() });
      }),
    { validator: allowedNow(run, 'defer') },
  );
}

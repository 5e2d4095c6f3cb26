// A backend saw the connection working again: the repair ends as repaired elsewhere, in any open
// state (during a pairing the closing waits for it to finish: allHandlersFinished).
import { setHandler } from '@temporalio/workflow';
import { connectionHealthySignal } from '../messages.js';
import { isOpen } from '../repair-rules.js';
import type { RepairRun } from '../repair-run.js';

export function handleConnectionHealthy(run: RepairRun): void {
  setHandler(connectionHealthySignal, () => {
    if (isOpen(run.repair.state)) run.endedElsewhere = true;
  });
}

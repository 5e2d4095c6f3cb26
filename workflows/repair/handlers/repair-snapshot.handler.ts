// What the API and tests read of a running repair.
import { setHandler } from '@temporalio/workflow';
import { repairSnapshotQuery } from '../messages.js';
import type { RepairRun } from '../repair-run.js';

export function handleRepairSnapshot(run: RepairRun): void {
  setHandler(repairSnapshotQuery, () => run.repair);
}

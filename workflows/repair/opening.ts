// Opening: the first report's error is recorded (the connection needs attention), subscribers
// hear of it, and people are asked to act. A new run of an open repair was opened already.
import { condition, patched } from '@temporalio/workflow';
import type { ReportSignal } from './messages.js';
import { announceError, emit, recordOpening, save } from './bookkeeping.js';
import type { RepairRun } from './repair-run.js';
import { takeReport } from './take-report.js';

/** Patch: runs started before it recorded the opening with four local activities. */
export const ONE_OPENING_WRITE = 'one-opening-write';

export async function openRepair(run: RepairRun, lateReports: ReportSignal[]): Promise<void> {
  // Reports the previous repair of the connection received while it was closing.
  for (const late of lateReports) await takeReport(run, late.report, late.reportId);
  if (run.opened) return;
  await condition(() => run.repair.error !== null);
  const error = run.repair.error!;
  const reported = { kind: 'reported', errorType: error.errorType, cause: error.cause ?? undefined, errorCode: error.code } as const;
  // One local activity for the whole opening (bookkeeping.recordOpening); runs recorded before keep their four.
  if (patched(ONE_OPENING_WRITE)) return recordOpening(run, reported);
  await save(run, reported, 'needs_attention');
  run.opened = true;
  await emit(run, 'repair.opened', { storeIds: run.repair.connection.storeIds });
  await announceError(run);
}

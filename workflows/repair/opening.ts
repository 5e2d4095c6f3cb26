// Opening: the first report's error is recorded (the connection needs attention), subscribers
// hear of it, and people are asked to act. A new run of an open repair was opened already.
import { condition } from '@temporalio/workflow';
import type { ReportSignal } from './messages.js';
import { announceError, emit, save } from './bookkeeping.js';
import type { RepairRun } from './repair-run.js';
import { takeReport } from './take-report.js';

export async function openRepair(run: RepairRun, lateReports: ReportSignal[]): Promise<void> {
  // Reports the previous repair of the connection received while it was closing.
  for (const late of lateReports) await takeReport(run, late.report, late.reportId);
  if (run.opened) return;
  await condition(() => run.repair.error !== null);
  const error = run.repair.error!;
  await save(run, { kind: 'reported', errorType: error.errorType, cause: error.cause ?? undefined, errorCode: error.code }, 'needs_attention');
  run.opened = true;
  await emit(run, 'repair.opened', { storeIds: run.repair.connection.storeIds });
  await announceError(run);
}

// A report as the API sends it (signal-with-start, the repair already chosen in PostgreSQL).
import { log, setHandler } from '@temporalio/workflow';
import { disconnectionReportedSignal, type ReportSignal } from '../messages.js';
import { isOpen } from '../repair-rules.js';
import type { RepairRun } from '../repair-run.js';
import { isValidReport, takeReport } from '../take-report.js';

export function handleDisconnectionReported(run: RepairRun): void {
  setHandler(disconnectionReportedSignal, async (signal: ReportSignal) => {
    // Signals have no validator: a malformed one is logged and dropped, never fails the workflow task.
    if (typeof signal?.reportId !== 'string' || typeof signal.repairId !== 'string' || !isValidReport(signal.report)) {
      log.warn('ignored a malformed disconnection report', { repairId: run.repair.repairId });
      return;
    }
    // The connection broke again while this repair was closing: the report opens the next repair.
    if (!isOpen(run.repair.state)) run.reportsForNextRepair.push(signal);
    else await takeReport(run, signal.report, signal.reportId);
  });
}

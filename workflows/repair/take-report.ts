// A disconnection report reaching a repair: counted once (by its id), and followed when it brings
// another error than the one the repair works on.
import type { ClassifiedError, DisconnectionReport } from './messages.js';
import { announceError, save } from './bookkeeping.js';
import type { RepairRun } from './repair-run.js';
import { applyError, classifyReport, reportChangesError } from './snapshot.js';

/** True when the report joined a repair that already had its error. */
export async function takeReport(run: RepairRun, report: DisconnectionReport, reportId: string | undefined): Promise<boolean> {
  const repair = run.repair;
  const error = classifyReport(repair.connection.provider, report);
  const joined = repair.error !== null;
  if (!reportId || !run.seenReportIds.has(reportId)) repair.reportCount += 1;
  if (reportId) run.seenReportIds.add(reportId);
  if (!joined) applyError(repair, error, Date.now());
  else if (!(await followError(run, error))) run.unsavedReports = true;
  return joined;
}

/** Makes `error` the open repair's error when it is another one (not during a pairing), and says so; false when it changed nothing. */
export async function followError(run: RepairRun, error: ClassifiedError, detail?: Record<string, unknown>): Promise<boolean> {
  const repair = run.repair;
  if (!reportChangesError(repair.state, repair.error, error)) return false;
  applyError(repair, error, Date.now());
  await save(run, { kind: 'error_changed', errorType: error.errorType, cause: error.cause ?? undefined, errorCode: error.code, ...(detail ? { detail } : {}) });
  await announceError(run);
  return true;
}

/** Signals have no validator: the shape is checked here, and a malformed report is dropped. */
export function isValidReport(report: DisconnectionReport | undefined): boolean {
  return typeof report?.errorCode === 'string' && report.errorCode.length > 0 && report.errorCode.length <= 200;
}

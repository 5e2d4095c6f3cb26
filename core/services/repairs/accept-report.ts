// Accepts a disconnection report: PostgreSQL picks the repair (one open repair per connection, by a
// partial unique index), then one signal-with-start hands the report to its workflow (and starts
// it with that repair's id if it is not running: every report for a repair passes the same args). The caller
// waits for neither the worker nor the workflow, so a mass outage is taken as fast as Temporal
// takes starts. The single path for reports from backends and from proactive probes.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../service-context.js';
import { newId } from '../../db/ids.js';
import { classifyError, findProvider, type ErrorType, type Resolution, type StoreConfigCause } from '../../providers/index.js';
import { disconnectionReportedSignal, repairWorkflowId, type ConnectionFacts, type DisconnectionReport, type ReportAnswer, type ReportSignal } from '../../../workflows/repair/messages.js';
import type { repairWorkflow } from '../../../workflows/repair/repair.workflow.js';
import type { RepairState as RepairStateName } from '../../../workflows/repair/repair-rules.js';
import { RepairOrgId, RepairProvider, RepairState, RepairStoreCount } from '../../../workflows/repair/search-attributes.js';
import { reportChangesError, stateForResolution } from '../../../workflows/repair/snapshot.js';
import { orgPriority, PRIORITY, type PriorityLevel } from '../../temporal/priorities.js';
import { recordFirstAlert } from './first-alert.js';
import { openingPriority } from './opening-priority.js';

export type StartRepairContext = Pick<ServiceContext, 'temporal' | 'taskQueue' | 'repairTimings' | 'alertWindowMs' | 'alertRetry'>;

export type AcceptedReport = ReportAnswer & { workflowId: string };

interface OpenRepairRow {
  id: string;
  state: RepairStateName;
  workflow_id: string;
  error_type: ErrorType | null;
  cause: StoreConfigCause | null;
  /** A new repair's organization's business hours, as text (read in the same round trip). */
  support_hours?: string | null;
}

/** The state the workflow moves a joined repair to for this report. */
function stateAfterReport(open: OpenRepairRow, c: { errorType: ErrorType; cause: StoreConfigCause | null; resolution: Resolution }): RepairStateName {
  return reportChangesError(open.state, open.error_type === null ? null : { errorType: open.error_type, cause: open.cause }, c) ? stateForResolution(c.resolution) : open.state;
}

/**
 * The open repair of the connection: a new row (revision 0, the workflow's first write replaces it)
 * or the one already open. Committed at once, so no database connection waits on Temporal. Should
 * the start below fail (or this process die), the row stays as a reservation: the caller got no 202
 * and retries, and the retry finds it and hands it to Temporal again; if nobody retries, the
 * reconciler does (activities/reconcile.activities.ts).
 */
async function openRepairOf(em: EntityManager, connection: ConnectionFacts, report: DisconnectionReport, c: ReturnType<typeof classifyError>): Promise<{ open: OpenRepairRow; joined: boolean }> {
  const run = <T>(sql: string, params: unknown[]) => em.getConnection().execute<T[]>(sql, params as never[]);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const inserted = await run<OpenRepairRow>(
      `with opened as (
         insert into repairs (id, workflow_id, org_id, connection_id, provider, account_ref, store_ids, state, error_code, error_message, error_type, cause, resolution,
           attempts, report_count, reminder_count, escalation, support_requested, opened_at, updated_at, revision)
         values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, 0, 1, 0, 'none', false, now(), now(), 0)
         on conflict (connection_id) where resolved_at is null do nothing
         returning id, state, workflow_id, error_type, cause, connection_id),
       marked as (update connections set status = 'needs_attention', updated_at = now() where id in (select connection_id from opened))
       select id, state, workflow_id, error_type, cause, (select support_hours::text from org_contacts where org_id = ?) as support_hours from opened`,
      [newId('rep'), repairWorkflowId(connection.connectionId), connection.orgId, connection.connectionId, connection.provider, connection.accountRef, JSON.stringify(connection.storeIds),
        stateForResolution(c.resolution), report.errorCode, report.errorMessage ?? null, c.errorType, c.cause, c.resolution, connection.orgId],
    );
    if (inserted[0]) return { open: inserted[0], joined: false };
    const open = (await run<OpenRepairRow>('select id, state, workflow_id, error_type, cause from repairs where connection_id = ? and resolved_at is null', [connection.connectionId]))[0];
    // Closed in between: open the next one.
    if (open) return { open, joined: true };
  }
  throw new Error(`no open repair for ${connection.connectionId} after three tries`);
}

export async function acceptReport(em: EntityManager, ctx: StartRepairContext, connection: ConnectionFacts, report: DisconnectionReport): Promise<AcceptedReport> {
  const c = classifyError(connection.provider, { errorCode: report.errorCode, errorMessage: report.errorMessage });
  const { open, joined } = await openRepairOf(em, connection, report, c);
  await handReportToWorkflow(ctx, { repairId: open.id, workflowId: open.workflow_id }, connection, report, newId('rpt'), joined ? PRIORITY.repair : openingPriority(open.support_hours ?? null));
  // People must act (a provider outage asks nothing of them): their alert does not wait for the opening.
  if (!joined && c.resolution !== 'retry') await recordFirstAlert(em, ctx, { repairId: open.id, orgId: connection.orgId });
  return { repairId: open.id, state: joined ? stateAfterReport(open, c) : open.state, joined, workflowId: open.workflow_id };
}

/**
 * One signal-with-start: the report reaches the repair's workflow, started with that repair's id if
 * it is not running. Also the reconciler's way to start a repair whose start failed (see reconcile.activities).
 * The organization is the fairness key (core/temporal/priorities.ts); the priority only counts at a start.
 */
export async function handReportToWorkflow(ctx: Pick<ServiceContext, 'temporal' | 'taskQueue' | 'repairTimings'>, repair: { repairId: string; workflowId: string }, connection: ConnectionFacts, report: DisconnectionReport, reportId: string, priority: PriorityLevel = PRIORITY.firstAlert): Promise<void> {
  const providerName = findProvider(connection.provider)?.name ?? connection.provider;
  await ctx.temporal.workflow.signalWithStart<typeof repairWorkflow, [ReportSignal]>('repairWorkflow', {
    workflowId: repair.workflowId,
    taskQueue: ctx.taskQueue,
    args: [{ version: 1, repairId: repair.repairId, connection, timings: ctx.repairTimings }],
    priority: orgPriority(connection.orgId, priority),
    signal: disconnectionReportedSignal,
    signalArgs: [{ reportId, repairId: repair.repairId, report }],
    typedSearchAttributes: [
      { key: RepairProvider, value: connection.provider },
      { key: RepairOrgId, value: connection.orgId },
      { key: RepairStoreCount, value: connection.storeIds.length },
      { key: RepairState, value: 'reported' },
    ],
    staticSummary: `${providerName} · ${connection.accountRef} · ${connection.storeIds.length} store(s)`,
    staticDetails: `Repair of connection \`${connection.connectionId}\` (org \`${connection.orgId}\`), reported with \`${report.errorCode}\` by ${report.source ?? 'api'}.`,
  });
}

// Starts the repair of a connection, or joins the one running (update-with-start, USE_EXISTING):
// the single path for reports from backends and from proactive probes, so they never make twins.
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RepairTimings } from '../config/repair-timings.js';
import { newId } from '../db/ids.js';
import { classifyError, findProvider } from '../providers/index.js';
import { repairWorkflowId, reportDisconnectionUpdate, type ConnectionFacts, type DisconnectionReport, type ReportAnswer } from '../workflows/messages.js';
import type { repairWorkflow } from '../workflows/repair.workflow.js';
import { RepairOrgId, RepairProvider, RepairState, RepairStoreCount } from '../workflows/search-attributes.js';

export interface StartRepairContext {
  temporal: Client;
  taskQueue: string;
  timings: RepairTimings;
}

export async function startOrJoinRepair(ctx: StartRepairContext, connection: ConnectionFacts, report: DisconnectionReport): Promise<ReportAnswer & { workflowId: string }> {
  const workflowId = repairWorkflowId(connection.connectionId);
  const providerName = findProvider(connection.provider)?.name ?? connection.provider;
  const startWorkflowOperation = new WithStartWorkflowOperation<typeof repairWorkflow>('repairWorkflow', {
    workflowId,
    taskQueue: ctx.taskQueue,
    workflowIdConflictPolicy: 'USE_EXISTING',
    args: [{ version: 1, repairId: newId('rep'), connection, timings: ctx.timings }],
    typedSearchAttributes: [
      { key: RepairProvider, value: connection.provider },
      { key: RepairOrgId, value: connection.orgId },
      { key: RepairStoreCount, value: connection.storeIds.length },
      { key: RepairState, value: 'reported' },
    ],
    staticSummary: `${providerName} · ${connection.accountRef} · ${connection.storeIds.length} store(s)`,
    staticDetails: `Repair of connection \`${connection.connectionId}\` (org \`${connection.orgId}\`), reported with \`${report.errorCode}\` by ${report.source ?? 'api'}.`,
  });
  const answer = await ctx.temporal.workflow.executeUpdateWithStart(reportDisconnectionUpdate, { args: [report], startWorkflowOperation });
  return { ...answer, workflowId };
}

/**
 * A first copy of a new repair, so a GET right after the 202 finds it without waiting for the
 * workflow's own write (revision 0: the workflow's first write replaces it).
 */
export async function recordFirstCopy(em: EntityManager, connection: ConnectionFacts, answer: ReportAnswer & { workflowId: string }, report: DisconnectionReport): Promise<void> {
  if (answer.joined) return;
  const c = classifyError(connection.provider, { errorCode: report.errorCode, errorMessage: report.errorMessage });
  await em.getConnection().execute(
    `insert into repairs (id, workflow_id, org_id, connection_id, provider, account_ref, store_ids, state, error_code, error_message, error_type, cause, resolution,
       attempts, report_count, reminder_count, escalation, support_requested, opened_at, updated_at, revision)
     values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, 0, 1, 0, 'none', false, now(), now(), 0) on conflict (id) do nothing`,
    [answer.repairId, answer.workflowId, connection.orgId, connection.connectionId, connection.provider, connection.accountRef, JSON.stringify(connection.storeIds), answer.state,
      report.errorCode, report.errorMessage ?? null, c.errorType, c.cause, c.resolution],
  );
  await em.getConnection().execute("update connections set status = 'needs_attention', updated_at = now() where id = ?", [connection.connectionId]);
}

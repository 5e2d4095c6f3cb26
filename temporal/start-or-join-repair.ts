// Starts the repair of a connection, or joins the one running (update-with-start, USE_EXISTING):
// the single path for reports from backends and from proactive probes, so they never make twins.
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { RepairTimings } from '../config/repair-timings.js';
import { newId } from '../db/ids.js';
import { findProvider } from '../providers/index.js';
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

// Reports a disconnection: joins the connection's running repair or starts one, in one call
// (update-with-start with USE_EXISTING), so concurrent reports never make twins.
import type { Client } from '@temporalio/client';
import { WithStartWorkflowOperation, WorkflowNotFoundError } from '@temporalio/client';
import { Repair } from '../../../db/entities/index.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RepairTimings } from '../../../config/repair-timings.js';
import { newId } from '../../../db/ids.js';
import { findProvider } from '../../../providers/index.js';
import { connectionHealthySignal, repairWorkflowId, reportDisconnectionUpdate, type DisconnectionReport, type ReportAnswer } from '../../../workflows/messages.js';
import type { repairWorkflow } from '../../../workflows/repair.workflow.js';
import { RepairOrgId, RepairProvider, RepairState, RepairStoreCount } from '../../../workflows/search-attributes.js';
import { getConnection } from '../registry/connections.service.js';

export interface StartRepairContext {
  temporal: Client;
  taskQueue: string;
  timings: RepairTimings;
}

export async function reportDisconnection(
  em: EntityManager,
  ctx: StartRepairContext,
  body: { connectionId: string } & DisconnectionReport,
): Promise<ReportAnswer & { workflowId: string }> {
  const connection = await getConnection(em, body.connectionId);
  const workflowId = repairWorkflowId(connection.id);
  const providerName = findProvider(connection.provider)?.name ?? connection.provider;
  const startWorkflowOperation = new WithStartWorkflowOperation<typeof repairWorkflow>('repairWorkflow', {
    workflowId,
    taskQueue: ctx.taskQueue,
    workflowIdConflictPolicy: 'USE_EXISTING',
    args: [
      {
        version: 1,
        repairId: newId('rep'),
        connection: { connectionId: connection.id, orgId: connection.org, provider: connection.provider, accountRef: connection.accountRef, storeIds: connection.storeIds },
        timings: ctx.timings,
      },
    ],
    typedSearchAttributes: [
      { key: RepairProvider, value: connection.provider },
      { key: RepairOrgId, value: connection.org },
      { key: RepairStoreCount, value: connection.storeIds.length },
      { key: RepairState, value: 'reported' },
    ],
    staticSummary: `${providerName} · ${connection.accountRef} · ${connection.storeIds.length} store(s)`,
    staticDetails: `Repair of connection \`${connection.id}\` (org \`${connection.org}\`), reported with \`${body.errorCode}\`.`,
  });
  const report: DisconnectionReport = { errorCode: body.errorCode, errorMessage: body.errorMessage, occurredAt: body.occurredAt, source: body.source ?? 'api' };
  const answer = await ctx.temporal.workflow.executeUpdateWithStart(reportDisconnectionUpdate, { args: [report], startWorkflowOperation });
  return { ...answer, workflowId };
}

/** A backend saw the connection working: the open repair (if any) ends as repaired elsewhere. */
export async function reportConnectionHealthy(em: EntityManager, temporal: Client, connectionId: string): Promise<{ connectionId: string; repairId: string | null; signalled: boolean }> {
  const connection = await getConnection(em, connectionId);
  const open = await em.findOne(Repair, { connection: connection.id, resolvedAt: null }, { orderBy: { openedAt: 'desc' } });
  if (!open) return { connectionId: connection.id, repairId: null, signalled: false };
  try {
    await temporal.workflow.getHandle(open.workflowId).signal(connectionHealthySignal, { source: 'api', at: new Date().toISOString() });
    return { connectionId: connection.id, repairId: open.id, signalled: true };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return { connectionId: connection.id, repairId: open.id, signalled: false };
    throw error;
  }
}

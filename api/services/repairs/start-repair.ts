// Reports a disconnection: joins the connection's running repair or starts one, in one call
// (update-with-start with USE_EXISTING), so concurrent reports never make twins.
import type { Client } from '@temporalio/client';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RepairTimings } from '../../../config/repair-timings.js';
import { newId } from '../../../db/ids.js';
import { findProvider } from '../../../providers/index.js';
import { repairWorkflowId, reportDisconnectionUpdate, type DisconnectionReport, type ReportAnswer } from '../../../workflows/messages.js';
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

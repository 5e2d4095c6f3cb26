// Reports a disconnection: joins the connection's open repair or opens one (see accept-report),
// so concurrent reports never make twins.
import { WorkflowNotFoundError } from '@temporalio/client';
import type { ServiceContext } from '../service-context.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Repair } from '../../db/entities/index.js';
import { acceptReport, type AcceptedReport, type StartRepairContext } from './accept-report.js';
import { connectionHealthySignal, type ConnectionFacts, type DisconnectionReport } from '../../../workflows/repair/messages.js';
import { notFound } from '../problem.js';
import { connectionFactsOfRow, type ConnectionFactsRow } from './connection-facts.js';
import { getConnection } from '../registry/connections.service.js';

export type { StartRepairContext };

export async function reportDisconnection(
  em: EntityManager,
  ctx: StartRepairContext,
  body: { connectionId: string } & DisconnectionReport,
): Promise<AcceptedReport> {
  const facts = await connectionFactsOf(em, body.connectionId);
  const report: DisconnectionReport = { errorCode: body.errorCode, errorMessage: body.errorMessage, occurredAt: body.occurredAt, source: body.source ?? 'api' };
  return acceptReport(em, ctx, facts, report);
}

/** What a repair knows of its connection, read without the ORM: intake is the path a mass outage takes. */
async function connectionFactsOf(em: EntityManager, connectionId: string): Promise<ConnectionFacts> {
  const [row] = await em.getConnection().execute<ConnectionFactsRow[]>(
    'select id as connection_id, org_id, provider, account_ref, store_ids from connections where id = ?',
    [connectionId],
  );
  if (!row) throw notFound('connection', connectionId);
  return connectionFactsOfRow(row);
}

/** A backend saw the connection working: the open repair (if any) ends as repaired elsewhere. */
export async function reportConnectionHealthy(em: EntityManager, ctx: Pick<ServiceContext, 'temporal'>, connectionId: string): Promise<{ connectionId: string; repairId: string | null; signalled: boolean }> {
  const connection = await getConnection(em, connectionId);
  const open = await em.findOne(Repair, { connection: connection.id, resolvedAt: null }, { orderBy: { openedAt: 'desc' } });
  if (!open) return { connectionId: connection.id, repairId: null, signalled: false };
  try {
    await ctx.temporal.workflow.getHandle(open.workflowId).signal(connectionHealthySignal, { source: 'api', at: new Date().toISOString() });
    return { connectionId: connection.id, repairId: open.id, signalled: true };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return { connectionId: connection.id, repairId: open.id, signalled: false };
    throw error;
  }
}

// Proactive checks of connections through their connectors: two failures in a row open a repair (one
// transient failure never alerts anyone); a healthy check ends an open repair as repaired elsewhere.
import { heartbeat, sleep } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { RepairTimings } from '../core/config/repair-timings.js';
import type { ProviderConnector } from './connectors/index.js';
import { Connection, Repair } from '../core/db/entities/index.js';
import type { Orm } from '../core/db/orm.js';
import { acceptReport } from '../core/services/repairs/accept-report.js';
import type { NotifierSettings } from '../core/services/alerts/wake-notifier.js';
import { connectionHealthySignal } from '../workflows/repair/messages.js';
import { type ProbeSummary } from '../workflows/connection-probe/messages.js';

export interface ProbeDependencies extends NotifierSettings {
  orm: Orm;
  repairTimings: RepairTimings;
  connectorFor(provider: string): ProviderConnector;
}

export function createProbeActivities(d: ProbeDependencies) {
  return {
    async listProbeTargets({ provider, after, limit }: { provider: string; after: string | null; limit: number }): Promise<string[]> {
      const where = after ? { provider, id: { $gt: after } } : { provider };
      return (await d.orm.em.fork().find(Connection, where, { orderBy: { id: 'asc' }, limit, fields: ['id'] })).map((c) => c.id);
    },

    async probeConnections(input: { provider: string; connectionIds: string[]; delayBetweenChecksMs: number; failuresBeforeRepair: number }): Promise<ProbeSummary> {
      const em = d.orm.em.fork();
      const connector = d.connectorFor(input.provider);
      const summary: ProbeSummary = { checked: 0, healthy: 0, failing: 0, repairsOpened: 0, repairsClosed: 0 };
      for (const connection of await em.find(Connection, { id: { $in: input.connectionIds } })) {
        const step = await connector.checkConnection({ accountRef: connection.accountRef });
        summary.checked += 1;
        const open = await em.findOne(Repair, { connection: connection.id, resolvedAt: null });
        if (step.kind === 'paired') {
          summary.healthy += 1;
          connection.consecutiveProbeFailures = 0;
          if (open) {
            await d.temporal.workflow.getHandle(open.workflowId).signal(connectionHealthySignal, { source: 'probe', at: new Date().toISOString() }).catch(() => undefined);
            summary.repairsClosed += 1;
          }
        } else if (step.kind === 'rejected' || step.kind === 'unavailable') {
          summary.failing += 1;
          connection.consecutiveProbeFailures += 1;
          if (!open && connection.consecutiveProbeFailures >= input.failuresBeforeRepair) {
            const facts = { connectionId: connection.id, orgId: connection.org, provider: connection.provider, accountRef: connection.accountRef, storeIds: connection.storeIds };
            const report = { errorCode: step.code, errorMessage: step.message, source: 'probe' as const };
            await acceptReport(em, d, facts, report);
            summary.repairsOpened += 1;
          }
        }
        await em.flush();
        heartbeat(summary);
        // Respect the provider's rate limit between two checks.
        if (input.delayBetweenChecksMs > 0) await sleep(input.delayBetweenChecksMs);
      }
      return summary;
    },
  };
}

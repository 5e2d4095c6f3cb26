// Run by a Temporal Schedule per provider: checks every connection of the provider in bounded batches
// and opens repairs exactly as a reported disconnection would (same workflow id, so never twins).
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { PRIORITY } from '../../core/temporal/priorities.js';
import type { ConnectionProbeInput, ProbeSummary } from './messages.js';

const probes = proxyActivities<Pick<Activities, 'listProbeTargets' | 'probeConnections'>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumAttempts: 5 },
  // Nobody waits for a probe: it goes behind alerts and people's pairings.
  priority: { priorityKey: PRIORITY.background, fairnessKey: 'probes' },
});

export async function connectionProbeWorkflow(input: ConnectionProbeInput): Promise<ProbeSummary> {
  const total: ProbeSummary = { checked: 0, healthy: 0, failing: 0, repairsOpened: 0, repairsClosed: 0 };
  let after: string | null = null;
  for (;;) {
    const batch: string[] = await probes.listProbeTargets({ provider: input.provider, after, limit: input.batchSize });
    if (batch.length === 0) return total;
    const result = await probes.probeConnections({ provider: input.provider, connectionIds: batch, delayBetweenChecksMs: input.delayBetweenChecksMs, failuresBeforeRepair: input.failuresBeforeRepair });
    for (const key of Object.keys(total) as (keyof ProbeSummary)[]) total[key] += result[key];
    after = batch.at(-1)!;
  }
}

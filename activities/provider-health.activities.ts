// Provider outages: failures reported to the provider's health workflow, the degraded decision
// recorded (and published), recovery probed through the connector, waiting repairs woken.
import type { Client } from '@temporalio/client';
import type { ProviderConnector } from './connectors/index.js';
import { ProviderStatus, Repair } from '../core/db/entities/index.js';
import type { Orm } from '../core/db/orm.js';
import { providerFailureSignal, providerHealthWorkflowId, retryNowSignal, type ProviderFailure } from '../workflows/provider-health/messages.js';
import type { providerHealthWorkflow } from '../workflows/provider-health/provider-health.workflow.js';
import type { createWebhookActivities } from './webhooks.activities.js';
import { setProviderActivitiesPaused } from './provider-pause.js';
import { providerPriority } from '../core/temporal/priorities.js';
import { log } from '@temporalio/activity';

export interface ProviderHealthDependencies {
  orm: Orm;
  temporal: Client;
  taskQueue: string;
  connectorFor(provider: string): ProviderConnector;
  outage: { threshold: number; windowMs: number; recheckMs: number };
  /** The Temporal namespace, for pausing the provider's activities in flight. */
  namespace: string;
}

export function createProviderHealthActivities(d: ProviderHealthDependencies, webhooks: ReturnType<typeof createWebhookActivities>) {
  return {
    async reportProviderFailure({ provider, failure }: { provider: string; failure: ProviderFailure }): Promise<void> {
      await d.temporal.workflow.signalWithStart<typeof providerHealthWorkflow, [ProviderFailure]>('providerHealthWorkflow', {
        workflowId: providerHealthWorkflowId(provider),
        taskQueue: d.taskQueue,
        args: [{ version: 1, provider, ...d.outage }],
        priority: providerPriority(provider),
        signal: providerFailureSignal,
        signalArgs: [failure],
      });
    },

    async setProviderStatus({ provider, degraded, evidence }: { provider: string; degraded: boolean; evidence: Record<string, unknown> }): Promise<void> {
      await d.orm.em
        .fork()
        .getConnection()
        .execute(
          `insert into provider_status (provider, degraded, since, evidence, updated_at) values (?, ?, now(), ?::jsonb, now())
           on conflict (provider) do update set degraded = excluded.degraded, since = excluded.since, evidence = excluded.evidence, updated_at = now()`,
          [provider, degraded, JSON.stringify(evidence)],
        );
      // Retries stop hammering a provider that is down; they resume, with fresh attempts, when it is back.
      const activities = await setProviderActivitiesPaused(d, provider, degraded);
      if (activities > 0) log.warn(degraded ? 'provider degraded: its pairings and probes in flight are paused' : 'provider recovered: its paused pairings and probes resume', { provider, activities });
      await webhooks.publishEvent({ type: degraded ? 'provider.degraded' : 'provider.recovered', orgId: '', streamKey: `provider-${provider}`, data: { provider, ...evidence }, at: Date.now() });
    },

    async isProviderDegraded({ provider }: { provider: string }): Promise<boolean> {
      return (await d.orm.em.fork().findOne(ProviderStatus, { provider }))?.degraded ?? false;
    },

    /** Recovered when one of the failing accounts gets an answer that is not an outage. */
    async probeProviderRecovery({ provider, accountRefs }: { provider: string; accountRefs: string[] }): Promise<{ recovered: boolean }> {
      const connector = d.connectorFor(provider);
      for (const accountRef of accountRefs) {
        const step = await connector.checkConnection({ accountRef });
        if (step.kind !== 'unavailable') return { recovered: true };
      }
      return { recovered: false };
    },

    async wakeWaitingRepairs({ provider }: { provider: string }): Promise<{ woken: number }> {
      const waiting = await d.orm.em.fork().find(Repair, { provider, state: 'retrying' }, { limit: 5000 });
      await Promise.all(waiting.map((r) => d.temporal.workflow.getHandle(r.workflowId).signal(retryNowSignal).catch(() => undefined)));
      return { woken: waiting.length };
    },
  };
}

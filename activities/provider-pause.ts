// While a provider is degraded, the pairings and probes that are asking it pause (Temporal's
// activity pause) and resume when it recovers: their retries stop hammering a provider that is down,
// and an operator sees them paused in the Web UI (the workflow's pending activities) and with
// `temporal activity pause|unpause`. Only activities in flight are concerned: a pairing runs while
// its repair is `verifying`, a probe while its schedule has a running action. New ones are not held
// (the repair's own checks already wait for the provider's recovery, workflows/repair/retrying.ts).
import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import type { Orm } from '../core/db/orm.js';
import { probeScheduleId } from '../workflows/connection-probe/messages.js';

/** The activity types that ask a provider: a repair's pairings and the probe's checks. */
export const PROVIDER_CALLING_ACTIVITIES: ReadonlySet<string> = new Set(['pairWithCredentials', 'pairWithCode', 'checkConnection', 'probeConnections']);
const IDENTITY = 'repair-worker/provider-health';
const CONCURRENCY = 16;

export interface PauseDependencies {
  orm: Orm;
  temporal: Client;
  namespace: string;
}

/** The workflows that may have a provider call in flight: repairs being verified, probe runs. */
async function workflowsAsking(d: PauseDependencies, provider: string): Promise<string[]> {
  const rows = await d.orm.em.fork().getConnection().execute<{ workflow_id: string }[]>("select workflow_id from repairs where provider = ? and state = 'verifying' and resolved_at is null limit 5000", [provider]);
  const ids = rows.map((r) => r.workflow_id);
  try {
    const schedule = await d.temporal.schedule.getHandle(probeScheduleId(provider)).describe();
    ids.push(...schedule.info.runningActions.map((a) => a.workflow.workflowId));
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
  }
  return ids;
}

/** Pauses (or resumes, with fresh attempts) the provider-calling activities in flight; how many changed. */
export async function setProviderActivitiesPaused(d: PauseDependencies, provider: string, paused: boolean): Promise<number> {
  const ids = await workflowsAsking(d, provider);
  const service = d.temporal.workflowService;
  let changed = 0;
  let next = 0;
  const one = async (workflowId: string) => {
    const execution = { workflowId };
    const described = await service.describeWorkflowExecution({ namespace: d.namespace, execution }).catch(() => null);
    for (const pending of described?.pendingActivities ?? []) {
      if (!PROVIDER_CALLING_ACTIVITIES.has(pending.activityType?.name ?? '') || Boolean(pending.paused) === paused) continue;
      const request = { namespace: d.namespace, execution, identity: IDENTITY, id: pending.activityId! };
      // An activity that completed meanwhile cannot be paused: nothing to do.
      const done = paused
        ? service.pauseActivity({ ...request, reason: `${provider} is degraded` })
        : service.unpauseActivity({ ...request, resetAttempts: true });
      if (await done.then(() => true, () => false)) changed += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, async () => {
    while (next < ids.length) await one(ids[next++]!);
  }));
  return changed;
}

// One per provider: turns many provider_unavailable failures in a short window into a "degraded"
// decision (recorded with its evidence), then watches for recovery and wakes the waiting repairs.
// Its state is bounded whatever the outage's size: the most recent distinct failing connections,
// at most as many as the threshold needs (and never more than MAX_TRACKED), so neither memory, nor
// a signal's cost, nor the continue-as-new input grows with the outage it exists to detect.
import { condition, continueAsNew, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { providerFailureSignal, providerHealthQuery, type ProviderFailure, type ProviderHealthInput } from './messages.js';
import { RepairProvider, RepairState } from '../repair/search-attributes.js';

const health = proxyActivities<Pick<Activities, 'setProviderStatus' | 'probeProviderRecovery' | 'wakeWaitingRepairs'>>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const IDLE_MS = 60 * 60_000;
/** Distinct failing connections kept (≈ 150 bytes each): a higher threshold counts as this one. */
export const MAX_TRACKED = 2_000;
/**
 * During an outage signals pour in: a run continues as new long before the server's suggestion, so
 * a replay (after a failed completion or an eviction) never has thousands of signals to go through,
 * and a run never nears the server's limit of signals per execution.
 */
const MAX_HISTORY_EVENTS = 2_000;

export async function providerHealthWorkflow(input: ProviderHealthInput): Promise<void> {
  const threshold = Math.min(input.threshold, MAX_TRACKED);
  // Insertion order is report order: the first entry is the oldest, evicted first.
  const failing = new Map<string, ProviderFailure>();
  const track = (failure: ProviderFailure) => {
    failing.delete(failure.connectionId);
    failing.set(failure.connectionId, failure);
    if (failing.size > threshold) failing.delete(failing.keys().next().value!);
  };
  for (const failure of (input.carried?.failures ?? []).slice(-threshold)) track(failure);
  let degraded = input.carried?.degraded ?? false;
  let recheckAt = input.carried?.recheckAt ?? null;
  let reports = input.carried?.reports ?? 0;
  setHandler(providerFailureSignal, (failure) => {
    reports += 1;
    track(failure);
  });
  setHandler(providerHealthQuery, () => ({ degraded, tracked: failing.size, reports }));
  upsertSearchAttributes([{ key: RepairProvider, value: input.provider }, { key: RepairState, value: degraded ? 'provider_degraded' : 'provider_ok' }]);

  const recent = () => {
    const since = Date.now() - input.windowMs;
    for (const [id, f] of failing) if (f.at <= since) failing.delete(id);
    return [...failing.values()];
  };
  const suggested = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= MAX_HISTORY_EVENTS;
  for (let round = 0; round < 500 && !suggested(); round += 1) {
    if (!degraded) {
      const seen = reports;
      const woke = await condition(() => reports !== seen || suggested(), IDLE_MS);
      const failures = recent();
      if (!woke && failures.length === 0) return;
      if (failures.length >= threshold) {
        degraded = true;
        recheckAt = Date.now() + input.recheckMs;
        let firstAt = Infinity;
        let lastAt = -Infinity;
        for (const f of failures) (firstAt = Math.min(firstAt, f.at)), (lastAt = Math.max(lastAt, f.at));
        await health.setProviderStatus({
          provider: input.provider,
          degraded: true,
          evidence: { failures: failures.length, threshold, windowMs: input.windowMs, codes: [...new Set(failures.map((f) => f.code))].slice(0, 20), sampleConnections: failures.slice(-10).map((f) => f.connectionId), firstAt: new Date(firstAt).toISOString(), lastAt: new Date(lastAt).toISOString() },
        });
        upsertSearchAttributes([{ key: RepairState, value: 'provider_degraded' }]);
      }
      continue;
    }
    // Woken early only to continue as new; the recheck time carries over.
    const due = recheckAt ?? Date.now() + input.recheckMs;
    if (await condition(suggested, Math.max(due - Date.now(), 1))) break;
    const { recovered } = await health.probeProviderRecovery({ provider: input.provider, accountRefs: [...failing.values()].slice(-5).map((f) => f.accountRef) });
    recheckAt = Date.now() + input.recheckMs;
    if (recovered) {
      degraded = false;
      recheckAt = null;
      await health.setProviderStatus({ provider: input.provider, degraded: false, evidence: { recoveredAt: new Date(Date.now()).toISOString() } });
      upsertSearchAttributes([{ key: RepairState, value: 'provider_ok' }]);
      await health.wakeWaitingRepairs({ provider: input.provider });
      failing.clear();
    }
  }
  await continueAsNew<typeof providerHealthWorkflow>({ ...input, carried: { failures: recent(), degraded, reports, ...(recheckAt !== null ? { recheckAt } : {}) } });
}

// One per provider: turns many provider_unavailable failures in a short window into a "degraded"
// decision (recorded with its evidence), then watches for recovery and wakes the waiting repairs.
import { condition, continueAsNew, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { providerFailureSignal, type ProviderFailure, type ProviderHealthInput } from './messages.js';
import { RepairProvider, RepairState } from './search-attributes.js';

const health = proxyActivities<Pick<Activities, 'setProviderStatus' | 'probeProviderRecovery' | 'wakeWaitingRepairs'>>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const IDLE_MS = 60 * 60_000;

export async function providerHealthWorkflow(input: ProviderHealthInput): Promise<void> {
  let failures: ProviderFailure[] = [...(input.carried?.failures ?? [])];
  let degraded = input.carried?.degraded ?? false;
  setHandler(providerFailureSignal, (failure) => {
    failures = [...failures.filter((f) => f.connectionId !== failure.connectionId), failure];
  });
  upsertSearchAttributes([{ key: RepairProvider, value: input.provider }, { key: RepairState, value: degraded ? 'provider_degraded' : 'provider_ok' }]);

  const recent = () => failures.filter((f) => f.at > Date.now() - input.windowMs);
  for (let round = 0; round < 500 && !workflowInfo().continueAsNewSuggested; round += 1) {
    if (!degraded) {
      const seen = failures.length;
      const woke = await condition(() => failures.length !== seen, IDLE_MS);
      failures = recent();
      if (!woke && failures.length === 0) return;
      if (failures.length >= input.threshold) {
        degraded = true;
        await health.setProviderStatus({
          provider: input.provider,
          degraded: true,
          evidence: { failures: failures.length, threshold: input.threshold, windowMs: input.windowMs, codes: [...new Set(failures.map((f) => f.code))], sampleConnections: failures.slice(0, 10).map((f) => f.connectionId), firstAt: new Date(Math.min(...failures.map((f) => f.at))).toISOString(), lastAt: new Date(Math.max(...failures.map((f) => f.at))).toISOString() },
        });
        upsertSearchAttributes([{ key: RepairState, value: 'provider_degraded' }]);
      }
      continue;
    }
    await condition(() => false, input.recheckMs);
    const { recovered } = await health.probeProviderRecovery({ provider: input.provider, accountRefs: failures.slice(-5).map((f) => f.accountRef) });
    if (recovered) {
      degraded = false;
      await health.setProviderStatus({ provider: input.provider, degraded: false, evidence: { recoveredAt: new Date(Date.now()).toISOString() } });
      upsertSearchAttributes([{ key: RepairState, value: 'provider_ok' }]);
      await health.wakeWaitingRepairs({ provider: input.provider });
      failures = [];
    }
  }
  await continueAsNew<typeof providerHealthWorkflow>({ ...input, carried: { failures: recent(), degraded } });
}

// A repair that waits for the provider (it was unavailable): it checks the connection on its own,
// backing off, at once when the provider's health workflow sees it recover. An outage that lasts
// past the grace period, and is not provider-wide, becomes a repair that asks people to reconnect.
import { condition } from '@temporalio/workflow';
import type { RepairTimings } from '../../core/config/repair-timings.js';
import { pairingFor, providerHealth } from './activity-proxies.js';
import { PRIORITY } from '../../core/temporal/priorities.js';
import { announceError, save } from './bookkeeping.js';
import { attemptPairing } from './pairing-attempt.js';
import type { RepairRun } from './repair-run.js';
import { applyError } from './snapshot.js';

/** The delay before the next check: doubles up to its maximum, and starts over once people are asked. */
export class RetryBackoff {
  delayMs: number;
  constructor(private readonly timings: RepairTimings) {
    this.delayMs = timings.retryInitialMs;
  }
  grow(): void {
    this.delayMs = Math.min(this.delayMs * 2, this.timings.retryMaxMs);
  }
  reset(): void {
    this.delayMs = this.timings.retryInitialMs;
  }
}

export async function retryWhenDue(run: RepairRun, backoff: RetryBackoff): Promise<void> {
  const repair = run.repair;
  const seen = repair.revision;
  const interrupted = await condition(() => repair.revision !== seen || run.endedElsewhere || run.retryNow || run.unsavedReports, backoff.delayMs);
  if (interrupted && !run.retryNow) return;
  run.retryNow = false;
  backoff.grow();
  const { provider, accountRef, orgId } = repair.connection;
  // Nobody waits for the repair's own check: it goes behind what people wait for.
  const pairing = pairingFor(orgId, PRIORITY.background);
  // Like people's actions, one at a time; a person or a report may have moved the repair on meanwhile.
  const checked = await run.actions.run(async () => (repair.state === 'retrying' ? attemptPairing(run, { purpose: 'check', pair: () => pairing.checkConnection({ provider, accountRef }) }) : null));
  if (checked?.state !== 'retrying' || !outageOutlastedGrace(run)) return;
  // During a provider-wide outage nobody is asked to act: the repair keeps waiting for the provider.
  if (await providerHealth.isProviderDegraded({ provider })) return;
  applyError(repair, { ...repair.error!, resolution: 'reconnect' }, Date.now());
  repair.state = 'awaiting_credentials';
  await save(run, { kind: 'error_changed', errorType: repair.error!.errorType, errorCode: repair.error!.code, detail: { reason: 'unavailable_too_long' } });
  await announceError(run);
}

function outageOutlastedGrace(run: RepairRun): boolean {
  const since = run.repair.unavailableSince;
  return since !== null && Date.now() - since > run.timings.unavailableGraceMs;
}

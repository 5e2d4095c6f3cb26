// One notifier per organization, fed by signal-with-start from repairs. It waits a short window so
// a mass outage becomes one grouped message per recipient and channel, never one per store.
import { condition, continueAsNew, patched, proxyActivities, setHandler, workflowInfo, type ActivityOptions } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { alertRequestedSignal, type AlertIntent, type OrgNotifierInput } from './messages.js';

type NotifierActivities = Pick<Activities, 'deliverAlerts' | 'releaseHeldMessages'>;
const delivery: ActivityOptions = { startToCloseTimeout: '2 minutes', retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' } };
const withoutHeartbeats = proxyActivities<NotifierActivities>(delivery);
/** A delivery lost with its worker is retried within seconds (it heartbeats), not after two minutes. */
const heartbeating = proxyActivities<NotifierActivities>({ ...delivery, heartbeatTimeout: '15 seconds' });

/** With nothing to send for this long, the notifier ends; the next alert starts it again. */
const IDLE_MS = 30 * 60_000;
const BATCHES_PER_RUN = 200;

export async function orgNotifierWorkflow(input: OrgNotifierInput): Promise<void> {
  // Notifiers that started before heartbeats replay without them.
  const { deliverAlerts, releaseHeldMessages } = patched('alert-delivery-heartbeats') ? heartbeating : withoutHeartbeats;
  const pending: AlertIntent[] = [...(input.carried ?? [])];
  const seen = new Set(pending.map((i) => i.intentId));
  let heldUntil = input.heldUntil ?? null;
  setHandler(alertRequestedSignal, (intent) => {
    // Activities are retried: the same intent may be signalled twice.
    if (seen.has(intent.intentId)) return;
    seen.add(intent.intentId);
    pending.push(intent);
  });

  for (let batch = 0; batch < BATCHES_PER_RUN; batch += 1) {
    const wait = heldUntil !== null ? Math.max(heldUntil - Date.now(), 1) : IDLE_MS;
    const woke = await condition(() => pending.length > 0, wait);
    if (!woke && heldUntil !== null) {
      heldUntil = (await releaseHeldMessages({ orgId: input.orgId })).nextHeldUntil;
      continue;
    }
    if (!woke) return;
    // The grouping window opens with the first alert; whatever arrives meanwhile joins it.
    await condition(() => false, input.windowMs);
    const intents = pending.splice(0, pending.length);
    const result = await deliverAlerts({ orgId: input.orgId, intents });
    if (result.heldUntil !== null) heldUntil = heldUntil === null ? result.heldUntil : Math.min(heldUntil, result.heldUntil);
    if (workflowInfo().continueAsNewSuggested) break;
  }
  await continueAsNew<typeof orgNotifierWorkflow>({ ...input, carried: pending, heldUntil });
}

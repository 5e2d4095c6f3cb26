// Delivers the webhook events of one subscription in order: each subscription has a dispatcher of
// its own, so an endpoint that is down delays only its own events. Each delivery is an activity
// retried with exponential backoff for a bounded time (a day unless told); a delivery given up on
// is logged 'failed' (redeliverable) and the stream moves on. While the endpoint stays down, the
// next deliveries get a few attempts each instead of a day, so its backlog ends too.
import { ActivityFailure, condition, continueAsNew, log, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { webhookDeliveriesSignal, webhookRedeliverySignal, type WebhookDispatcherInput } from './messages.js';

const DAY_MS = 24 * 3600_000;
/** Attempts of each delivery while the endpoint is known to be down (its last delivery gave up). */
const ATTEMPTS_WHILE_DOWN = 3;

const deliveries = (retryInitialMs: number, retryForMs: number) => ({
  patient: proxyActivities<Pick<Activities, 'deliverWebhook'>>({
    startToCloseTimeout: '30 seconds',
    scheduleToCloseTimeout: retryForMs,
    retry: { initialInterval: retryInitialMs, backoffCoefficient: 2, maximumInterval: '1 hour' },
  }),
  whileDown: proxyActivities<Pick<Activities, 'deliverWebhook'>>({
    startToCloseTimeout: '30 seconds',
    scheduleToCloseTimeout: retryForMs,
    retry: { initialInterval: retryInitialMs, backoffCoefficient: 2, maximumInterval: '1 hour', maximumAttempts: ATTEMPTS_WHILE_DOWN },
  }),
});
const { markWebhookFailed } = proxyActivities<Pick<Activities, 'markWebhookFailed'>>({ startToCloseTimeout: '30 seconds' });

const IDLE_MS = 10 * 60_000;

export async function webhookDispatcherWorkflow(input: WebhookDispatcherInput): Promise<void> {
  const { patient, whileDown } = deliveries(input.retryInitialMs ?? 10_000, input.retryForMs ?? DAY_MS);
  const queue: string[] = [...(input.pending ?? [])];
  const seen = new Set(queue);
  let inFlight: string | null = null;
  let endpointDown = input.endpointDown ?? false;
  // Activities are retried: a delivery already handed over is not queued twice.
  setHandler(webhookDeliveriesSignal, ({ deliveryIds }) => {
    for (const id of deliveryIds) if (!seen.has(id)) (seen.add(id), queue.push(id));
  });
  // Asked for by a person: queued again even if it went out before, unless it is waiting already.
  setHandler(webhookRedeliverySignal, ({ deliveryId }) => {
    if (inFlight !== deliveryId && !queue.includes(deliveryId)) (seen.add(deliveryId), queue.push(deliveryId));
  });
  while (await condition(() => queue.length > 0, IDLE_MS)) {
    const deliveryId = queue.shift()!;
    inFlight = deliveryId;
    try {
      await (endpointDown ? whileDown : patient).deliverWebhook({ deliveryId });
      endpointDown = false;
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      endpointDown = true;
      log.warn('webhook delivery given up on; recorded failed', { deliveryId, streamKey: input.streamKey });
      await markWebhookFailed({ deliveryId, reason: error.cause?.message ?? 'gave up after repeated failures' });
    }
    inFlight = null;
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof webhookDispatcherWorkflow>({ ...input, pending: queue, endpointDown });
  }
}

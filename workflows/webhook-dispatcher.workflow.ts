// Delivers the webhook events of one stream (a repair) in order. Each delivery is an activity that
// retries with exponential backoff for up to a day; a failed one is logged and the stream moves on.
import { ActivityFailure, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { webhookDeliveriesSignal, type WebhookDispatcherInput } from './messages.js';

const deliveries = (retryInitialMs: number) =>
  proxyActivities<Pick<Activities, 'deliverWebhook'>>({
    startToCloseTimeout: '30 seconds',
    scheduleToCloseTimeout: '24 hours',
    retry: { initialInterval: retryInitialMs, backoffCoefficient: 2, maximumInterval: '1 hour' },
  });
const { markWebhookFailed } = proxyActivities<Pick<Activities, 'markWebhookFailed'>>({ startToCloseTimeout: '30 seconds' });

const IDLE_MS = 10 * 60_000;

export async function webhookDispatcherWorkflow(input: WebhookDispatcherInput): Promise<void> {
  const { deliverWebhook } = deliveries(input.retryInitialMs ?? 10_000);
  const queue: string[] = [...(input.pending ?? [])];
  const seen = new Set(queue);
  setHandler(webhookDeliveriesSignal, ({ deliveryIds }) => {
    for (const id of deliveryIds) if (!seen.has(id)) (seen.add(id), queue.push(id));
  });
  while (await condition(() => queue.length > 0, IDLE_MS)) {
    const deliveryId = queue.shift()!;
    try {
      await deliverWebhook({ deliveryId });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      await markWebhookFailed({ deliveryId, reason: error.cause?.message ?? 'gave up after a day of retries' });
    }
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof webhookDispatcherWorkflow>({ ...input, pending: queue });
  }
}

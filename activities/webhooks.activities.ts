// Outbound events: recorded per subscription, then delivered in order by that subscription's dispatcher.
import { createHash } from 'node:crypto';
import { ApplicationFailure, log } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { EntityManager } from '@mikro-orm/postgresql';
import { WebhookDelivery, WebhookSubscription, type WebhookDeliveryRow, type WebhookSubscriptionRow } from '../core/db/entities/index.js';
import type { Orm } from '../core/db/orm.js';
import type { SecretBox } from '../core/secrets/secret-box.js';
import type { WorkerCounters } from '../core/metrics/worker-counters.js';
import { signedHeaders, type SignedHeaders } from '../core/services/webhooks/signature.js';
import { activeSecrets } from '../core/services/webhooks/subscription-secrets.js';
import { webhookDeliveriesSignal, webhookDispatcherWorkflowId, type WebhookEventType } from '../workflows/webhook-dispatcher/messages.js';
import type { webhookDispatcherWorkflow } from '../workflows/webhook-dispatcher/webhook-dispatcher.workflow.js';
import { activityKey } from './records.activities.js';
import { postOutbound, statusClass, OutboundError } from './outbound/guarded-connect.js';
import type { OutboundPolicy } from './outbound/outbound-policy.js';

export interface WebhookDependencies {
  orm: Orm;
  temporal: Client;
  taskQueue: string;
  secretBox: SecretBox;
  webhookRetryInitialMs: number;
  /** Which destinations a delivery may connect to (checked on the resolved address). */
  outbound: OutboundPolicy;
  /** How long one delivery is retried before it is recorded failed (a day unless told). */
  webhookRetryForMs?: number;
  metrics: WorkerCounters;
}

export interface PublishEventInput {
  type: WebhookEventType;
  orgId: string;
  /** Events of one stream are delivered in order (a repair id, or a provider id). */
  streamKey: string;
  data: Record<string, unknown>;
  at: number;
  /** Tells apart the events one activity publishes (the opening publishes two): unset for one event. */
  part?: string;
}

const eventIdOf = (key: string) => `evt_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;

export function createWebhookActivities(d: WebhookDependencies) {
  return {
    publishEvent: (input: PublishEventInput) => publishEvent(d, input),
    /** One attempt: a 2xx answer delivers; anything else throws so Temporal retries with backoff. */
    deliverWebhook: ({ deliveryId }: { deliveryId: string }) => deliverWebhook(d, deliveryId),
    async markWebhookFailed({ deliveryId, reason }: { deliveryId: string; reason: string }): Promise<void> {
      const changed = await d.orm.em.fork().nativeUpdate(WebhookDelivery, { id: deliveryId, status: 'pending' }, { status: 'failed', lastError: reason });
      // Only the update that moved it from pending counts: a retry finds it failed already.
      if (changed === 1) d.metrics.webhookDelivery('failed');
    },
  };
}

/** Records the event once per subscription that wants it, then wakes each subscription's dispatcher. */
async function publishEvent(d: WebhookDependencies, input: PublishEventInput): Promise<{ deliveries: number }> {
  const em = d.orm.em.fork();
  // Only the subscriptions that want it, chosen by PostgreSQL: every repair event asks this, and most find none.
  const subscriptions = await em.getConnection().execute<{ id: string }[]>(
    'select id from webhook_subscriptions where active and events @> ?::jsonb and (org_id is null or org_id = ?) order by id',
    [JSON.stringify([input.type]), input.orgId],
  );
  if (subscriptions.length === 0) return { deliveries: 0 };
  // Deterministic per activity: a retried publish never creates a second event.
  const eventId = eventIdOf(input.part ? `${activityKey()}#${input.part}` : activityKey());
  const deliveryIds = await recordDeliveries(em, eventId, subscriptions, input);
  // One stream per subscription: each subscriber's events wait only for its own endpoint.
  await Promise.all(subscriptions.map((subscription, i) => queueDelivery(d, subscription.id, deliveryIds[i]!)));
  return { deliveries: deliveryIds.length };
}

/** One pending delivery per subscription; inserting twice (a retried activity) keeps the first. */
async function recordDeliveries(em: EntityManager, eventId: string, subscriptions: { id: string }[], input: PublishEventInput): Promise<string[]> {
  const payload = { id: eventId, type: input.type, createdAt: new Date(input.at).toISOString(), orgId: input.orgId, data: input.data };
  const ids = subscriptions.map((s) => `${eventId}_${s.id}`);
  const conn = em.getConnection();
  for (const [i, subscription] of subscriptions.entries()) {
    await conn.execute(
      `insert into webhook_deliveries (id, event_id, subscription_id, type, stream_key, payload, status, attempts, created_at)
       values (?, ?, ?, ?, ?, ?::jsonb, 'pending', 0, now()) on conflict (id) do nothing`,
      [ids[i], eventId, subscription.id, input.type, input.streamKey, JSON.stringify(payload)],
    );
  }
  return ids;
}

/** Hands the delivery to its subscription's dispatcher, starting it if it had gone idle. */
async function queueDelivery(d: WebhookDependencies, subscriptionId: string, deliveryId: string): Promise<void> {
  await d.temporal.workflow.signalWithStart<typeof webhookDispatcherWorkflow, [{ deliveryIds: string[] }]>('webhookDispatcherWorkflow', {
    workflowId: webhookDispatcherWorkflowId(subscriptionId),
    taskQueue: d.taskQueue,
    args: [{ version: 1, streamKey: subscriptionId, retryInitialMs: d.webhookRetryInitialMs, ...(d.webhookRetryForMs ? { retryForMs: d.webhookRetryForMs } : {}) }],
    signal: webhookDeliveriesSignal,
    signalArgs: [{ deliveryIds: [deliveryId] }],
  });
}

async function deliverWebhook(d: WebhookDependencies, deliveryId: string): Promise<void> {
  const em = d.orm.em.fork();
  const delivery = await em.findOne(WebhookDelivery, { id: deliveryId });
  if (!delivery || delivery.status === 'delivered') return;
  const subscription = await em.findOne(WebhookSubscription, { id: delivery.subscriptionId });
  if (!subscription?.active) {
    const wasFailed = delivery.status === 'failed';
    em.assign(delivery, { status: 'failed', lastError: 'subscription deleted' });
    await em.flush();
    if (!wasFailed) d.metrics.webhookDelivery('failed');
    return;
  }
  const { status, error, final } = await postSigned(d, delivery, subscription);
  em.assign(delivery, {
    attempts: delivery.attempts + 1,
    lastStatusCode: status || null,
    lastError: error,
    ...(error ? {} : { status: 'delivered' as const, deliveredAt: new Date() }),
  });
  await em.flush();
  // Once saved delivered: a retry returns at the top. Failed attempts count when retries end (markWebhookFailed).
  if (!error) d.metrics.webhookDelivery('delivered');
  // A refused destination or an unreadable secret will not mend by retrying.
  if (final) throw ApplicationFailure.nonRetryable(error!, final);
  if (error) {
    log.warn('webhook delivery failed; will retry', { deliveryId, subscriptionId: subscription.id, error });
    throw ApplicationFailure.retryable(`delivery failed: ${error}`, 'WebhookDeliveryFailed');
  }
}

interface AttemptResult {
  /** The HTTP status, 0 when no answer came. */
  status: number;
  /** What went wrong, in words safe to show through the API; null on a 2xx. */
  error: string | null;
  /** Set when retrying cannot help: the failure's type. */
  final?: 'WebhookDestinationRefused' | 'WebhookSecretUnreadable';
}

/** The signed headers, or undefined when a stored secret is not one the convention accepts. */
function trySign(delivery: WebhookDeliveryRow, body: string, secrets: string[]): SignedHeaders | undefined {
  try {
    // The event id is the message id: the same on every retry and redelivery, for receivers' de-duplication.
    return signedHeaders({ messageId: delivery.eventId, body, secrets });
  } catch {
    return undefined;
  }
}

/** Signs the delivery with every secret still valid and posts it once, through the outbound guard. */
async function postSigned(d: WebhookDependencies, delivery: WebhookDeliveryRow, subscription: WebhookSubscriptionRow): Promise<AttemptResult> {
  const body = JSON.stringify(delivery.payload);
  const signed = trySign(delivery, body, activeSecrets(d.secretBox, subscription));
  if (!signed) return { status: 0, error: 'subscription secret unreadable: rotate it', final: 'WebhookSecretUnreadable' };
  try {
    const status = await postOutbound(d.outbound, subscription.url, {
      headers: { 'content-type': 'application/json', ...signed, 'Repair-Event-Type': delivery.type, 'user-agent': 'Repair-Webhooks/1' },
      body,
      timeoutMs: 10_000,
    });
    return { status, error: status < 200 || status >= 300 ? statusClass(status) : null };
  } catch (e) {
    // Generic on purpose: the delivery log is readable through the API, and socket details
    // (addresses, ports, errno) would turn it into a scanner of the network around the worker.
    const error = e instanceof OutboundError ? e.message : 'could not connect';
    log.warn('webhook connection failed', { deliveryId: delivery.id, subscriptionId: subscription.id, reason: error, detail: e instanceof Error && e.cause instanceof Error ? e.cause.message : undefined });
    return { status: 0, error, ...(e instanceof OutboundError && e.kind === 'refused' ? { final: 'WebhookDestinationRefused' as const } : {}) };
  }
}

// Webhook subscriptions: create (the secret is shown once), list, delete, rotate, deliveries, redeliver.
import type { ServiceContext } from '../service-context.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { WebhookDelivery, WebhookSubscription, type WebhookSubscriptionRow } from '../../db/entities/index.js';
import { newId } from '../../db/ids.js';
import { newWebhookSecret } from './subscription-secrets.js';
import { webhookDispatcherWorkflowId, webhookRedeliverySignal } from '../../../workflows/webhook-dispatcher/messages.js';
import type { webhookDispatcherWorkflow } from '../../../workflows/webhook-dispatcher/webhook-dispatcher.workflow.js';
import { notFound, unprocessable } from '../problem.js';
import type { OutboundPolicy } from '../../../activities/outbound/outbound-policy.js';
import { findOr404 } from '../registry/lookup.js';

export const subscriptionView = (s: WebhookSubscriptionRow) => ({
  id: s.id,
  url: s.url,
  events: s.events,
  orgId: s.orgId ?? null,
  active: s.active,
  secretsValid: s.secrets.filter((x) => !x.expiresAt || Date.parse(x.expiresAt) > Date.now()).length,
  createdAt: s.createdAt.toISOString(),
});

/** 422 naming `body.url` for a destination inside our network, in any spelling (checked again at connect). */
function assertPublicDestination(outbound: OutboundPolicy, url: string): void {
  const refusal = outbound.urlRefusal(url);
  if (refusal) throw unprocessable('Webhooks are delivered to public addresses only.', [{ name: 'body.url', pointer: '/url', in: 'body', reason: refusal }]);
}

export async function createSubscription(em: EntityManager, ctx: Pick<ServiceContext, 'secretBox'> & { outbound: OutboundPolicy }, input: { url: string; events: string[]; secret?: string; orgId?: string }) {
  assertPublicDestination(ctx.outbound, input.url);
  const id = newId('whk');
  const secret = input.secret ?? newWebhookSecret();
  const subscription = em.create(WebhookSubscription, { id, url: input.url, events: [...new Set(input.events)], orgId: input.orgId ?? null, secrets: [{ sealed: ctx.secretBox.seal(secret, id), expiresAt: null }], active: true, createdAt: new Date() });
  await em.flush();
  return { ...subscriptionView(subscription), secret };
}

/** The new secret signs from now on; the old one stays valid for `graceSeconds` so receivers can switch. */
export async function rotateSecret(em: EntityManager, ctx: Pick<ServiceContext, 'secretBox'>, { id, graceSeconds }: { id: string; graceSeconds: number }) {
  const subscription = await findOr404(em, WebhookSubscription, id, 'webhook');
  const secret = newWebhookSecret();
  const until = new Date(Date.now() + graceSeconds * 1000).toISOString();
  const kept = subscription.secrets.filter((s) => !s.expiresAt || Date.parse(s.expiresAt) > Date.now()).map((s) => ({ ...s, expiresAt: s.expiresAt ?? until }));
  em.assign(subscription, { secrets: [{ sealed: ctx.secretBox.seal(secret, id), expiresAt: null }, ...kept] });
  await em.flush();
  return { ...subscriptionView(subscription), secret, previousValidUntil: until };
}

export async function deleteSubscription(em: EntityManager, id: string): Promise<void> {
  const subscription = await findOr404(em, WebhookSubscription, id, 'webhook');
  em.assign(subscription, { active: false });
  await em.flush();
}


export async function redeliver(em: EntityManager, ctx: Pick<ServiceContext, 'temporal' | 'taskQueue' | 'webhookRetryInitialMs'>, deliveryId: string, retryForMs?: number) {
  const delivery = await em.findOne(WebhookDelivery, { id: deliveryId });
  if (!delivery) throw notFound('webhook delivery', deliveryId);
  em.assign(delivery, { status: 'pending', lastError: null });
  await em.flush();
  // The same event id: receivers that already processed it can ignore the copy. The subscription's
  // dispatcher queues it even if it delivered it before (started if it had gone idle).
  await ctx.temporal.workflow.signalWithStart<typeof webhookDispatcherWorkflow, [{ deliveryId: string }]>('webhookDispatcherWorkflow', {
    workflowId: webhookDispatcherWorkflowId(delivery.subscriptionId),
    taskQueue: ctx.taskQueue,
    args: [{ version: 1, streamKey: delivery.subscriptionId, retryInitialMs: ctx.webhookRetryInitialMs, ...(retryForMs ? { retryForMs } : {}) }],
    signal: webhookRedeliverySignal,
    signalArgs: [{ deliveryId: delivery.id }],
  });
  return delivery;
}

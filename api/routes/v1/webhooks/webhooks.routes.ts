import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { WebhookDelivery, WebhookSubscription, type WebhookDeliveryRow } from '../../../../core/db/entities/index.js';
import { WEBHOOK_EVENT_TYPES } from '../../../../workflows/webhook-dispatcher/messages.js';
import { Id, ListOf, problemResponses } from '../../../schemas/common.schemas.js';
import { LineText, SecretText } from '../../../schemas/text.schemas.js';
import { createSubscription, deleteSubscription, redeliver, rotateSecret, subscriptionView } from '../../../../core/services/webhooks/webhooks.service.js';
import type { AppConfig } from '../../../../core/config/config.js';
import { OutboundPolicy } from '../../../../activities/outbound/outbound-policy.js';
import { SERVICE_ONLY } from '../../../plugins/route-access.js';

const tags = ['webhooks'];
const WEBHOOK_SECRET_PATTERN = '^whsec_(?:[A-Za-z0-9+/]{4}){8,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';
const Subscription = Type.Object({ id: Type.String(), url: Type.String(), events: Type.Array(Type.String()), orgId: Type.Union([Type.String(), Type.Null()]), active: Type.Boolean(), secretsValid: Type.Integer(), createdAt: Type.String() }, { additionalProperties: true });
const WithSecret = Type.Intersect([Subscription, Type.Object({ secret: Type.String({ description: 'Shown once: sign-check deliveries with it.' }) }, { additionalProperties: true })]);
const Delivery = Type.Object({ id: Type.String(), eventId: Type.String(), type: Type.String(), status: Type.String(), attempts: Type.Integer(), lastStatusCode: Type.Union([Type.Integer(), Type.Null()]), lastError: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(), deliveredAt: Type.Union([Type.String(), Type.Null()]) });
const deliveryView = (d: WebhookDeliveryRow) => ({ id: d.id, eventId: d.eventId, type: d.type, status: d.status, attempts: d.attempts, lastStatusCode: d.lastStatusCode ?? null, lastError: d.lastError ?? null, createdAt: d.createdAt.toISOString(), deliveredAt: d.deliveredAt?.toISOString() ?? null });
const WebhookParams = Type.Object({ webhookId: Id('whk') }, { additionalProperties: false });

export const webhooksRoutes: FastifyPluginAsyncTypebox<{ config: AppConfig }> = async (app, { config }) => {
  const outbound = new OutboundPolicy(config.outboundAllow);
  app.post(
    '/v1/webhooks',
    {
      config: SERVICE_ONLY,
      schema: {
        tags,
        summary: 'Subscribe a URL to repair events (signed in the Standard Webhooks convention)',
        body: Type.Object(
          {
            url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
            events: Type.Array(Type.Enum([...WEBHOOK_EVENT_TYPES]), { minItems: 1, uniqueItems: true }),
            // The convention's secret form, so the receiver's verifier accepts it: whsec_ and base64 of 24 bytes or more.
            secret: Type.Optional(SecretText({ maxLength: 200, pattern: WEBHOOK_SECRET_PATTERN, description: 'whsec_ followed by standard base64 of at least 24 random bytes; one is made if omitted.' })),
            orgId: Type.Optional(Id('org')),
          },
          { additionalProperties: false },
        ),
        response: { 201: WithSecret, ...problemResponses(400, 401, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createSubscription(request.em, { secretBox: app.services.secretBox, outbound }, request.body)),
  );
  app.get('/v1/webhooks', { config: SERVICE_ONLY, schema: { tags, summary: 'Subscriptions', response: { 200: ListOf(Subscription) } } }, async (request) => ({
    items: (await request.em.find(WebhookSubscription, { active: true }, { orderBy: { createdAt: 'asc' } })).map(subscriptionView),
  }));
  app.delete('/v1/webhooks/:webhookId', { config: SERVICE_ONLY, schema: { tags, summary: 'Stop a subscription', params: WebhookParams, response: { 204: Type.Null(), ...problemResponses(400, 401, 404) } } }, async (request, reply) => {
    await deleteSubscription(request.em, request.params.webhookId);
    return reply.code(204).send(null);
  });
  app.post(
    '/v1/webhooks/:webhookId/rotate-secret',
    { config: SERVICE_ONLY, schema: { tags, summary: 'New signing secret; the old one stays valid for a grace period', params: WebhookParams, body: Type.Optional(Type.Object({ graceSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 7 * 86400 })) }, { additionalProperties: false })), response: { 200: WithSecret, ...problemResponses(400, 401, 404) } } },
    async (request) => rotateSecret(request.em, app.services, { id: request.params.webhookId, graceSeconds: request.body?.graceSeconds ?? 86400 }),
  );
  app.get(
    '/v1/webhooks/:webhookId/deliveries',
    { config: SERVICE_ONLY, schema: { tags, summary: 'Delivery log of a subscription, newest first', params: WebhookParams, response: { 200: ListOf(Delivery), ...problemResponses(400, 401, 404) } } },
    async (request) => ({ items: (await request.em.find(WebhookDelivery, { subscriptionId: request.params.webhookId }, { orderBy: { createdAt: 'desc' }, limit: 200 })).map(deliveryView) }),
  );
  app.post(
    '/v1/webhooks/deliveries/:deliveryId/redeliver',
    { config: SERVICE_ONLY, schema: { tags, summary: 'Send a delivery again (same event id)', params: Type.Object({ deliveryId: LineText({ minLength: 5, maxLength: 120 }) }), response: { 202: Delivery, ...problemResponses(400, 401, 404) } } },
    async (request, reply) => reply.code(202).send(deliveryView(await redeliver(request.em, app.services, request.params.deliveryId))),
  );
};

// A backend signs its logged-in merchant user into the repair pages: it asks for a short-lived link
// and redirects the user to it. Without a repair the link is a full sign-in; with one it opens that
// repair only, like an alert's link (docs/decisions.md, "Merchant pages").
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppConfig } from '../../../../core/config/config.js';
import { linkKeysOf, signLink } from '../../../../core/secrets/repair-links.js';
import { unprocessable } from '../../../../core/services/problem.js';
import { Repair } from '../../../../core/db/entities/index.js';
import { Id, problemResponses, Timestamp } from '../../../schemas/common.schemas.js';
import { getUser } from '../../../../core/services/registry/users.service.js';
import { SERVICE_ONLY } from '../../../plugins/route-access.js';

export const signInLinksRoutes: FastifyPluginAsyncTypebox<{ config: AppConfig }> = async (app, { config }) => {
  const key = linkKeysOf(config.secretKeys)[0]!;
  app.post(
    '/v1/orgs/:orgId/users/:userId/sign-in-links',
    {
      config: SERVICE_ONLY,
      schema: {
        tags: ['registry'],
        summary: 'A signed link that signs this user into the merchant pages',
        description: 'Without `repairId`, a full sign-in. With `repairId`, the session opens that repair only (its page, actions and support ticket) and the link stops working once the repair has closed.',
        params: Type.Object({ orgId: Id('org'), userId: Id('usr') }, { additionalProperties: false }),
        body: Type.Object(
          { repairId: Type.Optional(Id('rep', 'Scopes the session to this repair (an id starting with `rep_`).')), ttlSeconds: Type.Optional(Type.Integer({ minimum: 30, maximum: 86_400, default: 900, description: 'How long the link works (15 minutes by default).' })) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ url: Type.String(), expiresAt: Timestamp }), ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const user = await getUser(request.em, request.params.orgId, request.params.userId);
      const { repairId, ttlSeconds = 900 } = request.body;
      // A repair of another organization is refused like a missing one: the link would open it.
      if (repairId && !(await request.em.count(Repair, { id: repairId, org: user.org }))) {
        throw unprocessable('The link cannot open this repair.', [{ name: 'body.repairId', in: 'body', reason: 'not a repair of this organization' }]);
      }
      const now = Date.now();
      const token = signLink(key, { userId: user.id, ...(repairId ? { repairId } : {}) }, now, ttlSeconds);
      return reply.code(201).send({ url: `${config.publicUrl.replace(/\/$/, '')}/r/${token}`, expiresAt: new Date(now + ttlSeconds * 1000).toISOString() });
    },
  );
};

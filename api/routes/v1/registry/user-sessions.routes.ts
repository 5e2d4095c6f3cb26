// A backend ends every session its user has in the merchant pages (signed out there, access removed).
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { forbidden } from '../../../../errors/problem.js';
import { Id, problemResponses } from '../../../schemas/common.schemas.js';
import { endSessionsOf } from '../../../services/registry/user-sessions.service.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Only API keys with the service role may call the route (a support agent's may not). */
    serviceOnly?: boolean;
  }
}

/** Until authorization is decided by matched route for every route, this one checks its own role. */
async function serviceOnly(request: FastifyRequest): Promise<void> {
  if (request.caller?.role !== 'service') throw forbidden('Only the service API key may end sessions.');
}

export const userSessionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/v1/orgs/:orgId/users/:userId/sessions',
    {
      config: { serviceOnly: true },
      preHandler: serviceOnly,
      schema: {
        tags: ['registry'],
        summary: 'End every session this user has in the merchant pages (their next page asks them to sign in)',
        params: Type.Object({ orgId: Id('org'), userId: Id('usr') }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await endSessionsOf(request.em, request.params.orgId, request.params.userId);
      return reply.code(204).send(null);
    },
  );
};

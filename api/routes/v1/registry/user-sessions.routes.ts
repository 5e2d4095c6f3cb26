// A backend ends every session its user has in the merchant pages (signed out there, access removed).
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SERVICE_ONLY } from '../../../plugins/route-access.js';
import { Id, problemResponses } from '../../../schemas/common.schemas.js';
import { endSessionsOf } from '../../../../core/services/registry/user-sessions.service.js';

export const userSessionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/v1/orgs/:orgId/users/:userId/sessions',
    {
      config: SERVICE_ONLY,
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

import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Id, ListOf, PageQuery, pageOf, problemResponses } from '../../../schemas/common.schemas.js';
import { createConnection, getConnection, listConnections } from '../../../../core/services/registry/connections.service.js';
import { connectionView } from '../../../../core/services/registry/views.js';
import { actingUserIn } from '../../../../core/services/registry/acting-user.js';
import { ConnectionBody, ConnectionView } from './registry.schemas.js';
import { SERVICE_ONLY, SUPPORT_TOO } from '../../../plugins/route-access.js';

const tags = ['registry'];

const ActingUserId = Id('usr', 'Read for this user: they need integrations:view.');
const ConnectionsQuery = Type.Object(
  { orgId: Id('org'), actingUserId: Type.Optional(ActingUserId), status: Type.Optional(Type.Enum(['healthy', 'needs_attention'])), ...PageQuery },
  { additionalProperties: false },
);

export const connectionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/connections',
    { config: SERVICE_ONLY, schema: { tags, summary: 'Register a provider connection serving some stores', body: ConnectionBody, response: { 201: ConnectionView, ...problemResponses(400, 401, 404, 409, 422) } } },
    async (request, reply) => reply.code(201).send(connectionView(await createConnection(request.em, request.body))),
  );
  app.get(
    '/v1/connections',
    { config: SUPPORT_TOO, schema: { tags, summary: 'List the connections of an organization with their status', querystring: ConnectionsQuery, response: { 200: ListOf(ConnectionView), ...problemResponses(400, 401, 403, 404, 422) } } },
    async (request) => {
      if (request.query.actingUserId) await actingUserIn(request.em, request.query.orgId, request.query.actingUserId, 'integrations:view', 'querystring.actingUserId');
      return { items: (await listConnections(request.em, request.query.orgId, { ...pageOf(request.query), status: request.query.status })).map(connectionView) };
    },
  );
  app.get(
    '/v1/connections/:connectionId',
    {
      config: SUPPORT_TOO,
      schema: {
        tags,
        summary: 'Read a connection',
        params: Type.Object({ connectionId: Id('con') }),
        querystring: Type.Object({ actingUserId: Type.Optional(ActingUserId) }, { additionalProperties: false }),
        response: { 200: ConnectionView, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const connection = await getConnection(request.em, request.params.connectionId);
      if (request.query.actingUserId) await actingUserIn(request.em, connection.org, request.query.actingUserId, 'integrations:view', 'querystring.actingUserId');
      return connectionView(connection);
    },
  );
};

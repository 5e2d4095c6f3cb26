// Planned closures of an organization's locations: alerts about their stores wait for the end.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ListOf, OrgIdParams, problemResponses } from '../../../schemas/common.schemas.js';
import { closureView, createClosure, deleteClosure, getClosure, listClosures } from '../../../../core/services/closures/closures.service.js';
import { SERVICE_ONLY, SUPPORT_TOO } from '../../../plugins/route-access.js';
import { ClosureBody, ClosureDeleteQuery, ClosureListQuery, ClosureParams, ClosureView } from './closures.schemas.js';

const tags = ['closures'];

export const closuresRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/orgs/:orgId/closures',
    {
      config: SERVICE_ONLY,
      schema: {
        tags,
        summary: 'Plan a closure of a location (holiday, renovation, any range): no alerts for its stores meanwhile',
        params: OrgIdParams,
        body: ClosureBody,
        response: { 201: ClosureView, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(closureView(await createClosure(request.em, request.params.orgId, request.body))),
  );
  app.get(
    '/v1/orgs/:orgId/closures',
    { config: SUPPORT_TOO, schema: { tags, summary: 'Closures under way or to come, soonest first', params: OrgIdParams, querystring: ClosureListQuery, response: { 200: ListOf(ClosureView), ...problemResponses(400, 401, 404) } } },
    async (request) => ({ items: (await listClosures(request.em, request.params.orgId, { locationId: request.query.locationId })).map((c) => closureView(c)) }),
  );
  app.get(
    '/v1/orgs/:orgId/closures/:closureId',
    { config: SUPPORT_TOO, schema: { tags, summary: 'Read a closure', params: ClosureParams, response: { 200: ClosureView, ...problemResponses(400, 401, 404) } } },
    async (request) => closureView(await getClosure(request.em, request.params.orgId, request.params.closureId)),
  );
  app.delete(
    '/v1/orgs/:orgId/closures/:closureId',
    { config: SERVICE_ONLY, schema: { tags, summary: 'Withdraw a closure', params: ClosureParams, querystring: ClosureDeleteQuery, response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404, 422) } } },
    async (request, reply) => {
      await deleteClosure(request.em, request.params.orgId, request.params.closureId, request.query.actingUserId);
      return reply.code(204).send(null);
    },
  );
};

import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Id, ListOf, PageQuery, pageOf, problemResponses } from '../../../schemas/common.schemas.js';
import { createOrg, getOrg, listOrgs } from '../../../../core/services/registry/orgs.service.js';
import { orgView } from '../../../../core/services/registry/views.js';
import { OrgBody, OrgView } from './registry.schemas.js';
import { SERVICE_ONLY, SUPPORT_TOO } from '../../../plugins/route-access.js';

const tags = ['registry'];

export const orgsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/orgs',
    { config: SERVICE_ONLY, schema: { tags, summary: 'Create an organization', body: OrgBody, response: { 201: OrgView, ...problemResponses(400, 401) } } },
    async (request, reply) => reply.code(201).send(orgView(await createOrg(request.em, request.body))),
  );
  app.get(
    '/v1/orgs',
    { config: SUPPORT_TOO, schema: { tags, summary: 'List organizations', querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: ListOf(OrgView), ...problemResponses(400, 401) } } },
    async (request) => ({ items: (await listOrgs(request.em, pageOf(request.query))).map(orgView) }),
  );
  app.get(
    '/v1/orgs/:orgId',
    { config: SUPPORT_TOO, schema: { tags, summary: 'Read an organization', params: Type.Object({ orgId: Id('org') }), response: { 200: OrgView, ...problemResponses(400, 401, 404) } } },
    async (request) => orgView(await getOrg(request.em, request.params.orgId)),
  );
};

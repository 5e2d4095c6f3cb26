// Users, locations, brands and stores share one shape: created under an organization, read by id, listed.
import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Id, ListOf, OrgIdParams, PageQuery, pageOf, problemResponses } from '../../../schemas/common.schemas.js';
import type { Page } from '../../../../core/services/registry/lookup.js';
import { SERVICE_ONLY, SUPPORT_TOO } from '../../../plugins/route-access.js';

export interface OrgScopedResource<Body extends TSchema, View extends TSchema, Row> {
  plural: string;
  singular: string;
  idPrefix: string;
  body: Body;
  view: View;
  create(em: EntityManager, orgId: string, input: Static<Body>): Promise<Row>;
  get(em: EntityManager, orgId: string, id: string): Promise<Row>;
  list(em: EntityManager, orgId: string, page: Page): Promise<Row[]>;
  toView(row: Row): Static<View>;
}

export function orgScopedRoutes<Body extends TSchema, View extends TSchema, Row>(r: OrgScopedResource<Body, View, Row>): FastifyPluginAsync {
  const tags = ['registry'];
  const ItemParams = Type.Object({ orgId: Id('org'), id: Id(r.idPrefix) }, { additionalProperties: false });
  return async (app) => {
    app.post<{ Params: { orgId: string }; Body: Static<Body> }>(
      `/v1/orgs/:orgId/${r.plural}`,
      { config: SERVICE_ONLY, schema: { tags, summary: `Create a ${r.singular}`, params: OrgIdParams, body: r.body, response: { 201: r.view, ...problemResponses(400, 401, 404, 409, 422) } } },
      async (request, reply) => reply.code(201).send(r.toView(await r.create(request.em, request.params.orgId, request.body as Static<Body>))),
    );
    app.get<{ Params: { orgId: string }; Querystring: { limit?: number; offset?: number } }>(
      `/v1/orgs/:orgId/${r.plural}`,
      {
        config: SUPPORT_TOO,
        schema: {
          tags,
          summary: `List the ${r.plural} of an organization`,
          params: OrgIdParams,
          querystring: Type.Object(PageQuery, { additionalProperties: false }),
          response: { 200: ListOf(r.view), ...problemResponses(400, 401, 404) },
        },
      },
      async (request) => ({ items: (await r.list(request.em, request.params.orgId, pageOf(request.query))).map((row) => r.toView(row)) }),
    );
    app.get<{ Params: { orgId: string; id: string } }>(
      `/v1/orgs/:orgId/${r.plural}/:id`,
      { config: SUPPORT_TOO, schema: { tags, summary: `Read a ${r.singular}`, params: ItemParams, response: { 200: r.view, ...problemResponses(400, 401, 404) } } },
      async (request) => r.toView(await r.get(request.em, request.params.orgId, request.params.id)),
    );
  };
}

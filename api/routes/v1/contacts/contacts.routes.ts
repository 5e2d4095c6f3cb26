import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OrgIdParams, problemResponses } from '../../../schemas/common.schemas.js';
import { getContacts, putContacts } from '../../../../core/services/contacts/contacts.service.js';
import { ContactsBody, ContactsView } from './contacts.schemas.js';
import { SERVICE_ONLY, SUPPORT_TOO } from '../../../plugins/route-access.js';

const tags = ['contacts'];

export const contactsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/orgs/:orgId/contacts',
    { config: SUPPORT_TOO, schema: { tags, summary: 'Contact details, whether they are complete and what is missing', params: OrgIdParams, response: { 200: ContactsView, ...problemResponses(400, 401, 404) } } },
    async (request) => getContacts(request.em, request.params.orgId),
  );
  app.put(
    '/v1/orgs/:orgId/contacts',
    {
      config: SERVICE_ONLY,
      schema: {
        tags,
        summary: 'Replace contact details; an incomplete set is saved as a draft and answered 422 with what is missing',
        params: OrgIdParams,
        body: ContactsBody,
        response: { 200: ContactsView, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { actingUserId, ...details } = request.body;
      return putContacts(request.em, request.params.orgId, { ...details, userFacingOperations: details.userFacingOperations ?? null }, actingUserId);
    },
  );
};

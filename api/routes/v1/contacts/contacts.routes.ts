import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OrgIdParams, problemResponses } from '../../../schemas/common.schemas.js';
import { getContacts, putContacts } from '../../../../core/services/contacts/contacts.service.js';
import { ConfirmationBody, ContactsBody, ContactsView } from './contacts.schemas.js';
import { confirmContacts, DEFAULT_CONFIRM_EVERY_DAYS } from '../../../../core/services/contacts/contact-confirmation.js';
import { SERVICE_ONLY, SUPPORT_TOO } from '../../../plugins/route-access.js';

const tags = ['contacts'];

export const contactsRoutes: FastifyPluginAsyncTypebox<{ confirmEveryDays?: number }> = async (app, options) => {
  const everyDays = options.confirmEveryDays ?? DEFAULT_CONFIRM_EVERY_DAYS;
  app.get(
    '/v1/orgs/:orgId/contacts',
    { config: SUPPORT_TOO, schema: { tags, summary: 'Contact details, whether they are complete and what is missing', params: OrgIdParams, response: { 200: ContactsView, ...problemResponses(400, 401, 404) } } },
    async (request) => getContacts(request.em, request.params.orgId, everyDays),
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
      return putContacts(request.em, request.params.orgId, { ...details, userFacingOperations: details.userFacingOperations ?? null }, actingUserId, everyDays);
    },
  );
  app.post(
    '/v1/orgs/:orgId/contacts/confirmation',
    {
      config: SERVICE_ONLY,
      schema: {
        tags,
        summary: 'Confirm the contact details are still right (asked every CONTACTS_CONFIRM_EVERY_DAYS days); records who and when',
        params: OrgIdParams,
        body: ConfirmationBody,
        response: { 200: ContactsView, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      await confirmContacts(request.em, request.params.orgId, request.body.actingUserId);
      return getContacts(request.em, request.params.orgId, everyDays);
    },
  );
};

import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SupportTicket } from '../../../../core/db/entities/index.js';
import { Id, ListOf, problemResponses } from '../../../schemas/common.schemas.js';
import { getOrg } from '../../../../core/services/registry/orgs.service.js';
import { addMessage, getTicket, openTicket, ticketView } from '../../../../core/services/tickets/ticket-service.js';

import { NewTicketBody, Ticket, TicketMessageBody, TicketParams } from './tickets.schemas.js';
import { SUPPORT_TOO } from '../../../plugins/route-access.js';

const tags = ['support'];

export const ticketsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/tickets',
    {
      config: SUPPORT_TOO,
      schema: {
        tags,
        summary: 'Open a chat ticket (first answer due within 24 business hours)',
        body: NewTicketBody,
        response: { 201: Type.Object({ ticketId: Type.String(), ticket: Ticket }), ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const ticket = await openTicket(request.em, app.services, request.body);
      return reply.code(201).send({ ticketId: ticket.id, ticket });
    },
  );
  app.get(
    '/v1/tickets',
    {
      config: SUPPORT_TOO,
      schema: {
        tags,
        summary: 'Tickets of an organization',
        querystring: Type.Object({ orgId: Id('org'), state: Type.Optional(Type.Enum(['open', 'waiting_on_merchant', 'closed'])) }, { additionalProperties: false }),
        response: { 200: ListOf(Ticket), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      await getOrg(request.em, request.query.orgId);
      const where = request.query.state ? { org: request.query.orgId, state: request.query.state } : { org: request.query.orgId };
      return { items: (await request.em.find(SupportTicket, where, { orderBy: { createdAt: 'desc' }, limit: 200 })).map((t) => ticketView(t)) };
    },
  );
  app.get('/v1/tickets/:ticketId', { config: SUPPORT_TOO, schema: { tags, summary: 'A ticket with its messages and state history', params: TicketParams, response: { 200: Ticket, ...problemResponses(400, 401, 404) } } }, async (request) =>
    getTicket(request.em, request.params.ticketId),
  );
  app.post(
    '/v1/tickets/:ticketId/messages',
    {
      config: SUPPORT_TOO,
      schema: {
        tags,
        summary: 'Add a message: a merchant (actingUserId) or an agent (API key with the agent role)',
        params: TicketParams,
        body: TicketMessageBody,
        response: { 201: Ticket, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addMessage(request.em, app.services, { ticketId: request.params.ticketId, ...request.body, callerRole: request.caller?.role ?? null })),
  );
};

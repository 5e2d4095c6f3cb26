// Chat tickets for merchants: ask for help from a repair (the ticket carries its context) or in
// general, follow the conversation, and reply (which reopens a ticket waiting on us or closed).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SupportTicket, User } from '../../core/db/entities/index.js';
import { notFound, ProblemError } from '../../core/services/problem.js';
import { addMessage, getTicket, openTicket } from '../../core/services/tickets/ticket-service.js';
import { RepairParams, SupportBody } from '../routes/v1/repairs/repairs.schemas.js';
import { NewTicketBody, TicketMessageBody, TicketParams } from '../routes/v1/tickets/tickets.schemas.js';
import { requestRepairSupport } from '../../core/services/repairs/request-support.js';
import { findRepair } from '../../core/services/repairs/find-repair.js';
import { merchantOf, requireMerchant, setFlash } from './merchant-session.js';
import { fieldErrors, formHandling, newFormId, seeOther, text } from './page-forms.js';
import { pageLocale, renderPage } from './page-layout.js';
import { currentConversation, transcriptOf } from './assistant-session.js';
import { findProvider } from '../../core/providers/index.js';
import { requirePagePermission } from './page-permissions.js';

type TicketForm = { subject: string; message: string; errors: { subject: string | null; message: string | null } };
const blankForm = (): TicketForm => ({ subject: '', message: '', errors: { subject: null, message: null } });

/** A ticket asked for from the assistant ("Talk to a person") starts with the conversation, so nobody asks again. */
async function startingForm(request: FastifyRequest): Promise<TicketForm> {
  if ((request.query as { from?: unknown } | undefined)?.from !== 'assistant') return blankForm();
  const turns = (await currentConversation(request))?.turns ?? [];
  if (turns.length === 0) return blankForm();
  return { ...blankForm(), subject: turns[0]!.question.slice(0, 200), message: transcriptOf(turns, pageLocale(request)) };
}

async function renderNewTicket(request: FastifyRequest, reply: FastifyReply, repairId: string | null, form: TicketForm, status = 200) {
  const repair = repairId ? await findRepair(request.em, repairId) : null;
  if (repair && repair.org !== merchantOf(request).org.id) throw notFound('repair', repair.id);
  const page = {
    action: repair ? `/repairs/${repair.id}/support` : '/support/tickets',
    repair: repair ? { id: repair.id, providerName: findProvider(repair.provider)?.name ?? repair.provider, accountRef: repair.accountRef } : null,
    form: { ...form, formId: newFormId() },
  };
  return renderPage(request, reply, 'ticket-new', page, { titleKey: 'page.tickets.new', nav: 'support', withoutContactsDialog: true }, status);
}

const ticketFormErrors = (errors: Record<string, string>): TicketForm['errors'] => ({ subject: errors.subject ?? null, message: errors.message ?? errors.body ?? null });

type App = Parameters<FastifyPluginAsyncTypebox>[0];
const asMerchant = [requireMerchant, requirePagePermission('support:chat')];
const idempotency = (request: FastifyRequest) => (request.formId ? { idempotencyKey: `page-${request.formId}` } : {});

/** The organization's tickets, and a new one asked for in general. */
function generalTicketPages(app: App): void {
  app.get('/support/tickets', { schema: { hide: true }, onRequest: asMerchant }, async (request, reply) => {
    const tickets = await request.em.find(SupportTicket, { org: merchantOf(request).org.id }, { orderBy: { createdAt: 'desc' }, limit: 100 });
    const items = tickets.map((t) => ({ id: t.id, subject: t.subject, stateKey: `page.ticket.state.${t.state}`, createdAt: t.createdAt.toISOString(), dueAt: t.firstRespondedAt ? null : (t.firstResponseDueAt?.toISOString() ?? null) }));
    return renderPage(request, reply, 'tickets', { items }, { titleKey: 'page.tickets.title', nav: 'support', withoutContactsDialog: true });
  });

  app.get('/support/tickets/new', { schema: { hide: true }, onRequest: asMerchant }, async (request, reply) => renderNewTicket(request, reply, null, await startingForm(request)));

  app.post(
    '/support/tickets',
    {
      schema: { hide: true, body: NewTicketBody },
      attachValidation: true,
      onRequest: asMerchant,
      preValidation: formHandling(app, (form, request) => ({ orgId: request.merchant?.org.id, actingUserId: request.merchant?.user.id, subject: text(form, 'subject'), message: text(form, 'message') })),
    },
    async (request, reply) => {
      // An invalid form keeps what was typed (fields may be missing: the schema refused them).
      if (request.validationError) return renderNewTicket(request, reply, null, { subject: request.body.subject ?? '', message: request.body.message ?? '', errors: ticketFormErrors(fieldErrors(request.validationError)) }, 400);
      const ticket = await openTicket(request.em, app.services, request.body);
      return seeOther(reply, `/support/tickets/${ticket.id}`);
    },
  );
}

/** "Ask people for help" from a repair: the ticket carries the repair's context. */
function repairSupportPages(app: App): void {
  app.get('/repairs/:repairId/support', { schema: { hide: true, params: RepairParams }, onRequest: asMerchant }, async (request, reply) => renderNewTicket(request, reply, request.params.repairId, await startingForm(request)));

  app.post(
    '/repairs/:repairId/support',
    {
      schema: { hide: true, params: RepairParams, body: SupportBody },
      attachValidation: true,
      onRequest: asMerchant,
      preValidation: formHandling(app, (form, request) => ({ actingUserId: request.merchant?.user.id, message: text(form, 'message') })),
    },
    async (request, reply) => {
      const { repairId } = request.params;
      if (request.validationError) return renderNewTicket(request, reply, repairId, { subject: '', message: request.body.message ?? '', errors: ticketFormErrors(fieldErrors(request.validationError)) }, 400);
      try {
        const { ticket } = await requestRepairSupport(request.em, app.services, { ...request.body, repairId, ...idempotency(request) });
        return seeOther(reply, `/support/tickets/${ticket.id}`);
      } catch (error) {
        // The repair moved on (fixed meanwhile, or already with support): back to where it is now.
        if (!(error instanceof ProblemError) || error.status !== 409) throw error;
        setFlash(request, { repairId, outcome: 'moved_on' });
        return seeOther(reply, `/repairs/${repairId}`);
      }
    },
  );
}

/** One conversation: read it and reply. */
function conversationPages(app: App): void {
  app.get('/support/tickets/:ticketId', { schema: { hide: true, params: TicketParams }, onRequest: asMerchant }, async (request, reply) => {
    const ticket = await getTicket(request.em, request.params.ticketId);
    if (ticket.orgId !== merchantOf(request).org.id) throw notFound('ticket', ticket.id);
    const authors = new Map((await request.em.find(User, { org: ticket.orgId })).map((u) => [u.id, u.name ?? u.email]));
    const page = {
      ticket: {
        id: ticket.id,
        subject: ticket.subject,
        stateKey: `page.ticket.state.${ticket.state}`,
        dueAt: ticket.firstRespondedAt ? null : ticket.firstResponseDueAt,
        repairHref: ticket.repairId ? `/repairs/${ticket.repairId}` : null,
        messages: ticket.messages.map((m) => ({ ...m, authorName: m.author === 'merchant' ? (authors.get(m.authorId ?? '') ?? '') : '', authorKey: `page.ticket.author.${m.author}` })),
      },
      form: { formId: newFormId(), errors: { body: null as string | null } },
    };
    return renderPage(request, reply, 'ticket', page, { titleKey: 'page.ticket.pageTitle', nav: 'support', withoutContactsDialog: true });
  });

  app.post(
    '/support/tickets/:ticketId/messages',
    {
      schema: { hide: true, params: TicketParams, body: TicketMessageBody },
      attachValidation: true,
      onRequest: asMerchant,
      preValidation: formHandling(app, (form, request) => ({ author: 'merchant', actingUserId: request.merchant?.user.id, body: text(form, 'body') })),
    },
    async (request, reply) => {
      const { ticketId } = request.params;
      if (!request.validationError) await addMessage(request.em, app.services, { ticketId, ...request.body, callerRole: null });
      return seeOther(reply, `/support/tickets/${ticketId}`);
    },
  );
}

export const ticketPages: FastifyPluginAsyncTypebox = async (app) => {
  generalTicketPages(app);
  repairSupportPages(app);
  conversationPages(app);
};

// Chat tickets: opened by a merchant (optionally from a repair, with its full context) or by an
// escalated repair; each runs as a workflow that keeps the SLA and closes or reopens it.
import { createHash } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { ServiceContext } from '../service-context.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addBusinessHours } from '../contacts/business-hours.js';
import { Org, OrgContacts, Repair, RepairEvent, SupportTicket, TicketMessage, User, type SupportTicketRow, type TicketMessageRow } from '../../db/entities/index.js';
import { newId } from '../../db/ids.js';
import { ticketMessageSignal, ticketReopenSignal, ticketWorkflowId } from '../../../workflows/support-ticket/messages.js';
import type { supportTicketWorkflow } from '../../../workflows/support-ticket/support-ticket.workflow.js';
import { conflict, forbidden, notFound, unprocessable } from '../problem.js';

import { findProvider } from '../../providers/index.js';

/** The ticket policy (first answer due within `tickets.firstResponseBusinessHours`, 24 in a 24–48 h window) and where its workflow runs. */
export type TicketSettings = Pick<ServiceContext, 'temporal' | 'taskQueue' | 'tickets'>;

export const ticketView = (t: SupportTicketRow, messages: TicketMessageRow[] = []) => ({
  id: t.id,
  orgId: t.org,
  repairId: t.repairId ?? null,
  connectionId: t.connectionId ?? null,
  subject: t.subject,
  state: t.state,
  context: t.context,
  createdBy: t.createdBy ?? null,
  firstResponseDueAt: t.firstResponseDueAt?.toISOString() ?? null,
  firstRespondedAt: t.firstRespondedAt?.toISOString() ?? null,
  slaBreachedAt: t.slaBreachedAt?.toISOString() ?? null,
  stateHistory: t.stateHistory,
  messages: messages.map((m) => ({ id: m.id, author: m.author, authorId: m.authorId ?? null, body: m.body, createdAt: m.createdAt.toISOString() })),
  createdAt: t.createdAt.toISOString(),
  closedAt: t.closedAt?.toISOString() ?? null,
});

/** Everything support needs about a repair, so nobody asks the merchant again. */
async function repairContext(em: EntityManager, repairId: string) {
  const repair = await em.findOneOrFail(Repair, { id: repairId });
  const events = await em.find(RepairEvent, { repair: repairId }, { orderBy: { at: 'asc' } });
  return {
    repair,
    context: {
      repairId,
      provider: repair.provider,
      providerName: findProvider(repair.provider)?.name ?? repair.provider,
      accountRef: repair.accountRef,
      storeIds: repair.storeIds,
      errorType: repair.errorType,
      cause: repair.cause,
      errorCode: repair.errorCode,
      attempts: repair.attempts,
      lastOutcome: repair.lastOutcome,
      errorHistory: events.filter((e) => e.errorType).map((e) => ({ at: e.at.toISOString(), kind: e.kind, errorType: e.errorType, cause: e.cause, outcome: e.outcome })),
    },
  };
}

async function dueAt(em: EntityManager, orgId: string, hours: number, from: Date): Promise<Date> {
  const contacts = await em.findOne(OrgContacts, { org: orgId });
  const ranges = contacts?.supportHours ?? [];
  // Without stated support hours, the clock runs around the clock.
  return (ranges.length ? addBusinessHours({ ranges }, from, hours) : null) ?? new Date(from.getTime() + hours * 3600_000);
}

/** A merchant user writes to support only with `support:chat` (see docs/roles.md). */
function requireChat(user: { permissions: readonly string[] }): void {
  if (!user.permissions.includes('support:chat')) throw forbidden('You are not allowed to chat with support. Ask a colleague who may.');
}

/** The user and the repair a ticket names belong to its organization; otherwise 422 names the field. */
async function checkOwnIds(em: EntityManager, input: { orgId: string; actingUserId?: string; repairId?: string }): Promise<void> {
  const user = input.actingUserId ? await em.findOne(User, { id: input.actingUserId, org: input.orgId }) : null;
  const repairOk = !input.repairId || (await em.count(Repair, { id: input.repairId, org: input.orgId })) > 0;
  const problems = [
    ...(input.actingUserId && !user ? [{ name: 'body.actingUserId', in: 'body' as const, reason: 'not a user of this organization' }] : []),
    ...(!repairOk ? [{ name: 'body.repairId', in: 'body' as const, reason: 'not a repair of this organization' }] : []),
  ];
  if (problems.length) throw unprocessable('The ticket refers to things of another organization.', problems);
  if (user) requireChat(user);
}

/** A message id from a caller's retry key: the same request, retried, writes its message once. */
function messageIdFor(retryKey: string): string {
  return `tmsg_${createHash('sha256').update(retryKey).digest('hex').slice(0, 32)}`;
}

const viewWithMessages = async (em: EntityManager, ticket: SupportTicketRow) => ticketView(ticket, await em.find(TicketMessage, { ticketId: ticket.id }, { orderBy: { createdAt: 'asc' } }));

export async function openTicket(
  em: EntityManager,
  settings: TicketSettings,
  input: { orgId: string; actingUserId?: string; subject: string; message: string; repairId?: string; author?: 'merchant' | 'system'; /** Makes a retry write nothing twice. */ retryKey?: string },
): Promise<ReturnType<typeof ticketView>> {
  if (!(await em.findOne(Org, { id: input.orgId }))) throw notFound('organization', input.orgId);
  await checkOwnIds(em, input);
  const messageId = input.retryKey ? messageIdFor(input.retryKey) : newId('tmsg');
  const written = input.retryKey ? await em.findOne(TicketMessage, { id: messageId }) : null;
  if (written) {
    // A retry of a request that already wrote its message: make sure its ticket runs, then answer the same.
    const ticket = await em.findOneOrFail(SupportTicket, { id: written.ticketId });
    await startTicketWorkflow(settings, ticket);
    return viewWithMessages(em, ticket);
  }
  const fromRepair = input.repairId ? await repairContext(em, input.repairId) : null;
  // The same error coming back on a connection reopens its ticket instead of opening a twin, while
  // that ticket's workflow runs; once it has ended, nothing would answer there: a new ticket opens.
  if (fromRepair) {
    const existing = await em.findOne(SupportTicket, { connectionId: fromRepair.repair.connection, errorType: fromRepair.repair.errorType ?? null }, { orderBy: { createdAt: 'desc' } });
    if (existing && (await signalTicket(settings, existing.id, existing.state === 'closed' ? { reopen: 'the same error came back' } : { author: 'merchant' }))) {
      em.create(TicketMessage, { id: messageId, ticketId: existing.id, author: input.author ?? 'merchant', authorId: input.actingUserId ?? null, body: input.message, createdAt: new Date() });
      await em.flush();
      return viewWithMessages(em, existing);
    }
  }
  const now = new Date();
  const ticket = em.create(SupportTicket, {
    id: newId('tkt'),
    org: input.orgId,
    repairId: input.repairId ?? null,
    connectionId: fromRepair?.repair.connection ?? null,
    errorType: fromRepair?.repair.errorType ?? null,
    subject: input.subject,
    state: 'open',
    context: fromRepair?.context ?? {},
    createdBy: input.actingUserId ?? null,
    firstResponseDueAt: await dueAt(em, input.orgId, settings.tickets.firstResponseBusinessHours, now),
    stateHistory: [{ at: now.toISOString(), from: null, to: 'open', reason: input.repairId ? 'opened from a repair' : 'opened by the merchant' }],
    createdAt: now,
    updatedAt: now,
  });
  const first = em.create(TicketMessage, { id: messageId, ticketId: ticket.id, author: input.author ?? 'merchant', authorId: input.actingUserId ?? null, body: input.message, createdAt: now });
  await em.flush();
  await startTicketWorkflow(settings, ticket);
  return ticketView(ticket, [first]);
}

/** Starts the ticket's workflow, or joins it when it runs already (a retried open). */
async function startTicketWorkflow(settings: TicketSettings, ticket: SupportTicketRow): Promise<void> {
  await settings.temporal.workflow.start<typeof supportTicketWorkflow>('supportTicketWorkflow', {
    workflowId: ticketWorkflowId(ticket.id),
    taskQueue: settings.taskQueue,
    args: [{ version: 1, ticketId: ticket.id, orgId: ticket.org, firstResponseDueAt: ticket.firstResponseDueAt!.getTime(), autoCloseAfterMs: settings.tickets.autoCloseAfterMs, reopenWindowMs: settings.tickets.reopenWindowMs }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    staticSummary: `Ticket: ${ticket.subject}`,
  });
}

/** Tells the ticket's workflow; false when it has ended (nothing would act on the signal). */
async function signalTicket(settings: TicketSettings, ticketId: string, what: { author: 'merchant' | 'agent' } | { reopen: string }): Promise<boolean> {
  const handle = settings.temporal.workflow.getHandle(ticketWorkflowId(ticketId));
  try {
    if ('reopen' in what) await handle.signal(ticketReopenSignal, { reason: what.reopen });
    else await handle.signal(ticketMessageSignal, { author: what.author, at: Date.now() });
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

export async function addMessage(
  em: EntityManager,
  settings: TicketSettings,
  input: { ticketId: string; author: 'merchant' | 'agent'; body: string; actingUserId?: string; callerRole: 'service' | 'agent' | null },
) {
  const ticket = await em.findOne(SupportTicket, { id: input.ticketId });
  if (!ticket) throw notFound('ticket', input.ticketId);
  if (input.author === 'agent' && input.callerRole !== 'agent') throw forbidden('Only an API key with the agent role may answer as an agent.');
  if (input.author === 'merchant') {
    const user = input.actingUserId ? await em.findOne(User, { id: input.actingUserId, org: ticket.org }) : null;
    if (!user) throw notFound('ticket', input.ticketId);
    requireChat(user);
  }
  // A conversation whose workflow has ended has nobody to answer it: say so instead of storing a message nobody reads.
  if (!(await signalTicket(settings, ticket.id, { author: input.author }))) throw conflict('This conversation has ended. Open a new ticket to reach support.', { ticketId: ticket.id });
  const now = new Date();
  em.create(TicketMessage, { id: newId('tmsg'), ticketId: ticket.id, author: input.author, authorId: input.actingUserId ?? null, body: input.body, createdAt: now });
  if (input.author === 'agent' && !ticket.firstRespondedAt) em.assign(ticket, { firstRespondedAt: now });
  em.assign(ticket, { updatedAt: now });
  await em.flush();
  return ticketView(ticket, await em.find(TicketMessage, { ticketId: ticket.id }, { orderBy: { createdAt: 'asc' } }));
}

export async function getTicket(em: EntityManager, ticketId: string) {
  const ticket = await em.findOne(SupportTicket, { id: ticketId });
  if (!ticket) throw notFound('ticket', ticketId);
  return ticketView(ticket, await em.find(TicketMessage, { ticketId }, { orderBy: { createdAt: 'asc' } }));
}

// Ticket side effects: state changes (with history and a closing message) and SLA breach alerts.
import { log } from '@temporalio/activity';
import { OrgContacts, SupportTicket, TicketMessage } from '../core/db/entities/index.js';
import { newId } from '../core/db/ids.js';
import type { Orm } from '../core/db/orm.js';
import type { AlertChannels } from './alerts/alert-channels.js';
import type { Client } from '@temporalio/client';
import type { createWebhookActivities } from './webhooks.activities.js';
import { openTicket } from '../core/services/tickets/ticket-service.js';
import { Org, Repair } from '../core/db/entities/index.js';
import { escalationSubject } from '../core/services/tickets/ticket-subjects.js';
import type { WorkerCounters } from '../core/metrics/worker-counters.js';

export interface TicketDependencies {
  orm: Orm;
  channels: AlertChannels;
  temporal: Client;
  taskQueue: string;
  tickets: { firstResponseBusinessHours: number; autoCloseAfterMs: number; reopenWindowMs: number };
  metrics: WorkerCounters;
}

const CLOSING_MESSAGE = 'We closed this conversation because we have not heard back in 72 hours. Reply here at any time to reopen it.';

export function createTicketActivities(d: TicketDependencies, webhooks: ReturnType<typeof createWebhookActivities>) {
  return {
    /** A repair nobody could finish goes to support with its whole context (or reopens its ticket). */
    async openTicketForRepair({ repairId }: { repairId: string }): Promise<{ ticketId: string }> {
      const em = d.orm.em.fork();
      const repair = await em.findOneOrFail(Repair, { id: repairId });
      const org = await em.findOneOrFail(Org, { id: repair.org });
      const ticket = await openTicket(em, d, {
        orgId: repair.org,
        subject: escalationSubject(org.locale, repair),
        message: 'This repair is still open after the escalation delay; support has taken it over.',
        repairId,
        author: 'system',
        // One escalation per repair: a retried activity finds its message written and answers the same ticket.
        retryKey: `escalation:${repairId}`,
      });
      return { ticketId: ticket.id };
    },

    async announceTicket({ ticketId }: { ticketId: string }): Promise<void> {
      const ticket = await d.orm.em.fork().findOneOrFail(SupportTicket, { id: ticketId });
      await webhooks.publishEvent({ type: 'ticket.opened', orgId: ticket.org, streamKey: ticketId, at: ticket.createdAt.getTime(), data: { ticketId, subject: ticket.subject, repairId: ticket.repairId ?? null, firstResponseDueAt: ticket.firstResponseDueAt?.toISOString() ?? null } });
    },

    async setTicketState({ ticketId, state, reason, at }: { ticketId: string; state: 'open' | 'waiting_on_merchant' | 'closed'; reason: string; at: number }): Promise<void> {
      const em = d.orm.em.fork();
      const ticket = await em.findOneOrFail(SupportTicket, { id: ticketId });
      if (ticket.state === state) return;
      em.assign(ticket, {
        state,
        stateHistory: [...ticket.stateHistory, { at: new Date(at).toISOString(), from: ticket.state, to: state, reason }],
        updatedAt: new Date(),
        closedAt: state === 'closed' ? new Date(at) : null,
      });
      if (state === 'closed') em.create(TicketMessage, { id: newId('tmsg'), ticketId, author: 'system', authorId: null, body: CLOSING_MESSAGE, createdAt: new Date(at) });
      await em.flush();
      await webhooks.publishEvent({ type: state === 'closed' ? 'ticket.closed' : 'ticket.updated', orgId: ticket.org, streamKey: ticketId, at, data: { ticketId, state, reason, repairId: ticket.repairId ?? null } });
    },

    /** The first response is late: the operations contact hears of it. */
    async alertSlaBreach({ ticketId, orgId }: { ticketId: string; orgId: string }): Promise<void> {
      const em = d.orm.em.fork();
      const ticket = await em.findOneOrFail(SupportTicket, { id: ticketId });
      if (ticket.slaBreachedAt) return;
      em.assign(ticket, { slaBreachedAt: new Date(), updatedAt: new Date() });
      await em.flush();
      // Counted once the breach is saved: a retried activity finds slaBreachedAt set and returns above.
      d.metrics.ticketSlaBreached();
      const contacts = await em.findOne(OrgContacts, { org: orgId });
      const to = [...(contacts?.platformOperations ?? []), ...(contacts?.merchantOperations ?? [])].map((c) => c.email);
      log.warn('ticket first response overdue', { ticketId, orgId });
      if (to.length) {
        await d.channels.sendEmail({
          to: [...new Set(to)],
          subject: `[SLA] First response overdue on ticket ${ticketId}: ${ticket.subject}`,
          text: `The ticket "${ticket.subject}" (${ticketId}) opened ${ticket.createdAt.toISOString()} was due a first answer by ${ticket.firstResponseDueAt?.toISOString()}.`,
        });
      }
    },
  };
}

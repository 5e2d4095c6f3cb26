// "Ask people for help" on a repair: the workflow records it and a chat ticket opens with the
// repair's full context. One path for the API and the pages.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Org } from '../../db/entities/index.js';
import { openTicket, type TicketSettings } from '../tickets/ticket-service.js';
import { helpSubject } from '../tickets/ticket-subjects.js';
import { actOnRepair, type RepairActionContext, type RepairActionInput } from './repair-actions.js';

export async function requestRepairSupport(em: EntityManager, ctx: RepairActionContext & TicketSettings, request: RepairActionInput<'request_support'>) {
  const acted = await actOnRepair(em, ctx, 'request_support', request);
  const org = await em.findOneOrFail(Org, { id: acted.repair.org });
  const ticket = await openTicket(em, ctx, {
    orgId: acted.repair.org,
    actingUserId: acted.user.id,
    subject: helpSubject(org.locale, acted.repair),
    message: request.message,
    repairId: acted.repair.id,
    // A retried request (same Idempotency-Key or form) writes its message once.
    ...(request.idempotencyKey ? { retryKey: `support:${acted.repair.id}:${acted.user.id}:${request.idempotencyKey}` } : {}),
  });
  return { acted, ticket };
}

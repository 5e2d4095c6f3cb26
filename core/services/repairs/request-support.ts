// "Ask people for help" on a repair: the workflow records it and a chat ticket opens with the
// repair's full context. One path for the API and the pages.
import type { EntityManager } from '@mikro-orm/postgresql';
import { openTicket, type TicketSettings } from '../tickets/ticket-service.js';
import { actOnRepair, type RepairActionContext, type RepairActionInput } from './repair-actions.js';

export async function requestRepairSupport(em: EntityManager, ctx: RepairActionContext & TicketSettings, request: RepairActionInput<'request_support'>) {
  const acted = await actOnRepair(em, ctx, 'request_support', request);
  const ticket = await openTicket(em, ctx, {
    orgId: acted.repair.org,
    actingUserId: acted.user.id,
    subject: `${acted.repair.provider}: ${acted.repair.errorType ?? 'connection problem'}`,
    message: request.message,
    repairId: acted.repair.id,
    // A retried request (same Idempotency-Key or form) writes its message once.
    ...(request.idempotencyKey ? { retryKey: `support:${acted.repair.id}:${acted.user.id}:${request.idempotencyKey}` } : {}),
  });
  return { acted, ticket };
}

// "Ask people for help" on a repair: the workflow records it and a chat ticket opens with the
// repair's full context. One path for the API and the pages.
import type { EntityManager } from '@mikro-orm/postgresql';
import { openTicket, type TicketSettings } from '../tickets/ticket-service.js';
import type { ActionRequest, RepairActions } from './repair-actions.js';

export async function requestRepairSupport(em: EntityManager, actions: RepairActions, settings: TicketSettings, request: ActionRequest & { message: string }) {
  const acted = await actions.requestSupport(em, request);
  const ticket = await openTicket(em, settings, {
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

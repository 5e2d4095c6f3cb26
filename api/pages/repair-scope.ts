// A session opened from a link naming a repair (an alert's, or a backend's with a repair) is that
// repair's only: its page, live panel, actions and support conversation, plus the pages anyone may
// read. Routes are matched by pattern, so a page added later stays closed to it until listed here.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Repair, SupportTicket } from '../../core/db/entities/index.js';
import { CLOSED_STATES } from '../../workflows/repair/repair-rules.js';
import { renderPage } from './page-layout.js';

/** The repair's own routes (their `:repairId` must be the session's repair). */
const REPAIR_ROUTES = new Set(['/repairs/:repairId', '/repairs/:repairId/panel', '/repairs/:repairId/credentials', '/repairs/:repairId/verification-code', '/repairs/:repairId/steps-completed', '/repairs/:repairId/defer', '/repairs/:repairId/support']);
/** The support conversation about the repair (its ticket's repair must be the session's repair). */
const TICKET_ROUTES = new Set(['/support/tickets/:ticketId', '/support/tickets/:ticketId/messages']);
/** What a person who is not signed in may open too. */
const OPEN_ROUTES = new Set(['/assets/*', '/sign-in', '/sign-out', '/r/:token', '/help', '/help/articles/:slug', '/support', '/support/assistant', '/support/assistant/restart']);

const isReading = (method: string) => method === 'GET' || method === 'HEAD';

async function refuse(request: FastifyRequest, reply: FastifyReply, repairId: string, page: 'elsewhere' | 'finished') {
  const titleKey = `page.scope.${page}.title`;
  await renderPage(request, reply, 'error', { titleKey, bodyKey: `page.scope.${page}.body`, actionKey: 'page.scope.action.back', href: `/repairs/${repairId}` }, { titleKey, withoutContactsDialog: true }, 403);
  return reply;
}

/** onRequest, after the session is loaded: other pages are refused, and actions once the repair has closed. */
export async function keepToRepairScope(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const scope = request.merchant?.repairScope;
  const route = request.routeOptions.url;
  // No route: the not-found page answers, with nothing to show.
  if (!scope || route === undefined) return;
  if (OPEN_ROUTES.has(route)) return;
  if (!(await belongsToRepair(request, route, scope))) return refuse(request, reply, scope, 'elsewhere');
  if (isReading(request.method)) return;
  // Counts, not entities: the route loads the rows it needs itself.
  const open = await request.em.count(Repair, { id: scope, state: { $nin: [...CLOSED_STATES] } });
  if (open === 0) return refuse(request, reply, scope, 'finished');
}

async function belongsToRepair(request: FastifyRequest, route: string, repairId: string): Promise<boolean> {
  const params = request.params as { repairId?: string; ticketId?: string };
  if (REPAIR_ROUTES.has(route)) return params.repairId === repairId;
  if (!TICKET_ROUTES.has(route) || !params.ticketId) return false;
  return (await request.em.count(SupportTicket, { id: params.ticketId, repairId })) > 0;
}

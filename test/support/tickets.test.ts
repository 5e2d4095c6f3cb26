// Chat tickets on the time-skipping server: first-response SLA on business hours, auto-close after 72
// hours without a merchant answer, reopen on a reply; tickets opened from repairs carry their context.
import { describe, expect, it } from 'vitest';
import { useTimeSkippingStack } from '../helpers/time-skipping-stack.js';
import { auth, TEST_AGENT_KEY } from '../helpers/api.js';
import { eventually, report, setUpMerchant } from '../helpers/repair-stack.js';
import { ruleFor } from '../../core/providers/index.js';

const { env, stack } = useTimeSkippingStack();

const HOUR = 3600_000;
interface TicketBody {
  id: string;
  state: string;
  firstResponseDueAt: string;
  slaBreachedAt: string | null;
  context: Record<string, unknown>;
  stateHistory: { to: string; reason: string }[];
  messages: { author: string; body: string }[];
}
const ticket = async (id: string) => (await stack().app.inject({ method: 'GET', url: `/v1/tickets/${id}`, headers: auth() })).json() as TicketBody;
const message = (id: string, payload: object, key?: string) => stack().app.inject({ method: 'POST', url: `/v1/tickets/${id}/messages`, payload, headers: auth(key) });

async function merchantWithHours() {
  const m = await setUpMerchant(stack(), { provider: 'glovo' });
  const res = await stack().app.inject({
    method: 'PUT',
    url: `/v1/orgs/${m.orgId}/contacts`,
    headers: auth(),
    payload: {
      alertContacts: [{ userId: m.owner }],
      emergencyTechnical: [{ name: 'Pager', email: 'pager@example.com' }],
      nonEmergencyTechnical: [{ name: 'Tech', email: 'tech@example.com' }],
      merchantOperations: [{ name: 'Ops', email: 'ops@example.com' }],
      platformOperations: [{ name: 'Platform', email: 'platform@example.com' }],
      userFacingOperations: { email: 'help@example.com' },
      supportHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '18:00', timezone: 'Europe/Madrid' }],
    },
  });
  expect(res.statusCode).toBe(200);
  return m;
}

describe('chat tickets', () => {
  it('is due within 24 business hours, alerts when late, closes after 72 h of silence and reopens on a reply', async () => {
    const m = await merchantWithHours();
    const opened = await stack().app.inject({ method: 'POST', url: '/v1/tickets', headers: auth(), payload: { orgId: m.orgId, actingUserId: m.owner, subject: 'Orders missing', message: 'Since noon nothing arrives.' } });
    expect(opened.statusCode).toBe(201);
    const { ticketId, ticket: created } = opened.json() as { ticketId: string; ticket: TicketBody };
    // 24 business hours of 9 h days: at least two and a half calendar days away, never less than 24 h.
    expect(Date.parse(created.firstResponseDueAt) - Date.now()).toBeGreaterThan(24 * HOUR);

    await env().sleep(Date.parse(created.firstResponseDueAt) - Date.now() + HOUR);
    await eventually(() => ticket(ticketId), (t) => t.slaBreachedAt !== null);
    // The worker that saved the breach counted it, once.
    await eventually(async () => (await stack().workerMetrics.getSingleMetric('repair_ticket_sla_breaches_total')!.get()).values[0]?.value, (n) => n === 1);

    expect((await message(ticketId, { author: 'agent', body: 'Looking into it.' })).statusCode).toBe(403);
    expect((await message(ticketId, { author: 'agent', body: 'Looking into it.' }, TEST_AGENT_KEY)).statusCode).toBe(201);
    await eventually(() => ticket(ticketId), (t) => t.state === 'waiting_on_merchant');

    await env().sleep(73 * HOUR);
    const closed = await eventually(() => ticket(ticketId), (t) => t.state === 'closed');
    expect(closed.messages.at(-1)).toMatchObject({ author: 'system' });

    expect((await message(ticketId, { author: 'merchant', actingUserId: m.owner, body: 'Still broken!' })).statusCode).toBe(201);
    const reopened = await eventually(() => ticket(ticketId), (t) => t.state === 'open');
    expect(reopened.stateHistory.map((s) => s.to)).toEqual(['open', 'waiting_on_merchant', 'closed', 'open']);
  });

  it('opens from a repair with its context, and the same error reuses the ticket', async () => {
    const m = await merchantWithHours();
    const code = ruleFor('glovo', 'invalid_store_config', 'store_inactive')!.code;
    const opened = await report(stack(), m.connectionId, code);
    const asked = await stack().app.inject({ method: 'POST', url: `/v1/repairs/${opened.repairId}/support`, headers: auth(), payload: { actingUserId: m.viewer, message: 'The steps do not match my portal.' } });
    expect(asked.statusCode).toBe(201);
    const body = asked.json() as { ticketId: string; ticket: TicketBody; outcome: string };
    expect(body.outcome).toBe('support_requested');
    expect(body.ticket.context).toMatchObject({ provider: 'glovo', errorType: 'invalid_store_config', cause: 'store_inactive', repairId: opened.repairId });
    const again = await stack().app.inject({ method: 'POST', url: '/v1/tickets', headers: auth(), payload: { orgId: m.orgId, actingUserId: m.owner, subject: 'Again', message: 'Same thing', repairId: opened.repairId } });
    expect((again.json() as { ticketId: string }).ticketId).toBe(body.ticketId);
  });
});

// A ticket is reused only while its workflow runs: once it has ended, "ask for help" and an
// escalation open a new one; the escalation's ticket is written once however often it is retried.
import { describe, expect, it } from 'vitest';
import { useTimeSkippingStack } from '../helpers/time-skipping-stack.js';
import { auth } from '../helpers/api.js';
import { eventually, repairDetail, report, setUpMerchant } from '../helpers/repair-stack.js';
import { ruleFor } from '../../core/providers/index.js';
import { ticketWorkflowId } from '../../workflows/support-ticket/messages.js';
import { openTicket } from '../../core/services/tickets/ticket-service.js';

const { env, stack } = useTimeSkippingStack();

const HOUR = 3600_000;
const storeInactive = ruleFor('glovo', 'invalid_store_config', 'store_inactive')!.code;

interface TicketMessages {
  id: string;
  merchant: number;
  system: number;
}
/** Every ticket of the connection, oldest first, with its merchant and system message counts. */
const ticketsOf = (connectionId: string) =>
  stack().db.orm.em
    .fork()
    .getConnection()
    .execute<TicketMessages[]>(
      `select t.id, count(m.id) filter (where m.author = 'merchant')::int as merchant, count(m.id) filter (where m.author = 'system')::int as system
       from support_tickets t left join ticket_messages m on m.ticket_id = t.id where t.connection_id = ? group by t.id, t.created_at order by t.created_at`,
      [connectionId],
    );

const askForHelp = (repairId: string, actingUserId: string, message: string) =>
  stack().app.inject({ method: 'POST', url: `/v1/repairs/${repairId}/support`, headers: auth(), payload: { actingUserId, message } });

async function repairWithEndedTicket() {
  const m = await setUpMerchant(stack(), { provider: 'glovo' });
  const opened = await report(stack(), m.connectionId, storeInactive);
  const first = await askForHelp(opened.repairId, m.owner, 'The steps do not match my portal.');
  expect(first.statusCode).toBe(201);
  const ticketId = (first.json() as { ticketId: string }).ticketId;
  // Its workflow ends (an operator cancelled it, or its reopen window passed): the row stays.
  const handle = stack().temporal.workflow.getHandle(ticketWorkflowId(ticketId));
  await handle.cancel();
  await eventually(async () => (await handle.describe()).status.name, (status) => status !== 'RUNNING');
  return { m, repairId: opened.repairId, ticketId };
}

describe('a ticket whose workflow has ended', () => {
  it('is not reused by "ask for help": a new ticket opens and answers 201', async () => {
    const { m, repairId, ticketId } = await repairWithEndedTicket();
    const again = await askForHelp(repairId, m.viewer, 'Still stuck.');
    expect(again.statusCode).toBe(201);
    const next = (again.json() as { ticketId: string }).ticketId;
    expect(next).not.toBe(ticketId);
    expect((await stack().temporal.workflow.getHandle(ticketWorkflowId(next)).describe()).status.name).toBe('RUNNING');
    expect(await ticketsOf(m.connectionId)).toEqual([
      { id: ticketId, merchant: 1, system: 0 },
      { id: next, merchant: 1, system: 0 },
    ]);
  });

  it('is not reused by an escalation: one new ticket with one message, and the repair still closes', async () => {
    const { m, repairId, ticketId } = await repairWithEndedTicket();
    await env().sleep(73 * HOUR);
    const tickets = await eventually(() => ticketsOf(m.connectionId), (t) => t.length === 2);
    expect(tickets[0]).toEqual({ id: ticketId, merchant: 1, system: 0 });
    expect(tickets[1]).toMatchObject({ merchant: 0, system: 1 });
    await eventually(() => repairDetail(stack(), repairId), (d) => d.escalation === 'support' && d.history.some((h) => h.kind === 'escalated'));

    const healthy = await stack().app.inject({ method: 'POST', url: `/v1/connections/${m.connectionId}/healthy`, headers: auth() });
    expect(healthy.statusCode).toBe(202);
    await eventually(() => repairDetail(stack(), repairId), (d) => d.state === 'repaired_elsewhere');
    expect(await ticketsOf(m.connectionId)).toEqual(tickets);
  });
});

describe('a retried escalation', () => {
  it('writes its message once and answers the same ticket', async () => {
    const m = await setUpMerchant(stack(), { provider: 'glovo' });
    const opened = await report(stack(), m.connectionId, storeInactive);
    const settings = { temporal: stack().temporal, taskQueue: stack().config.temporal.taskQueue, tickets: stack().config.tickets };
    const escalate = () =>
      openTicket(stack().db.orm.em.fork(), settings, { orgId: m.orgId, subject: 'Escalated', message: 'Support has taken it over.', repairId: opened.repairId, author: 'system', retryKey: `escalation:${opened.repairId}` });
    const first = await escalate();
    const retried = await escalate();
    expect(retried.id).toBe(first.id);
    expect(await ticketsOf(m.connectionId)).toEqual([{ id: first.id, merchant: 0, system: 1 }]);
  });
});

// The merchant pages' forms go through the API's schemas: a NUL, a printer command or a bidi
// override typed (or pasted) into a form answers the form again with the field marked, never a 500
// and never a stuck repair.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupportTicket } from '../../core/db/entities/index.js';
import { PageSession } from '../helpers/page-session.js';
import { errorCode, report, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
beforeAll(async () => {
  stack = await startRepairStack();
});
afterAll(async () => stack?.close());

describe('text in page forms', () => {
  it('refuses NUL, ESC and bidi overrides in support messages and tickets, and the repair takes the next message', async () => {
    const m = await setUpMerchant(stack, { provider: 'uber_eats', stores: 1 });
    const id = (await report(stack, m.connectionId, errorCode('uber_eats', 'invalid_credentials'))).repairId;
    const session = new PageSession(stack.app);
    await session.signIn(m.orgId, m.owner);

    for (const bad of ['No orders\u0000', 'Printer \u001b@ reset', 'Pay \u202e0001']) {
      await session.get(`/repairs/${id}/support`);
      const refused = await session.post(`/repairs/${id}/support`, { message: bad });
      expect(refused.statusCode).toBe(400);
      await session.get('/support/tickets/new');
      const ticket = await session.post('/support/tickets', { subject: `Help ${bad}`, message: 'It stopped.' });
      expect(ticket.statusCode).toBe(400);
    }
    expect(await stack.db.orm.em.fork().count(SupportTicket, { org: m.orgId })).toBe(0);

    await session.get(`/repairs/${id}/support`);
    const opened = await session.post(`/repairs/${id}/support`, { message: 'The tablet shows no orders.\r\nSince noon.' });
    expect(opened.headers.location).toMatch(/^\/support\/tickets\/tkt_/);
  });
});

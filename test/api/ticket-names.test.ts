// Names stored before the door normalized them (leading blanks, list markers, printer commands)
// still print: the ticket preview answers, bounded, with no control or bidi character in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth } from '../helpers/api.js';
import { report, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
beforeAll(async () => {
  stack = await startRepairStack();
});
afterAll(async () => stack?.close());

const HOSTILE = [`${' '.repeat(40)}- Centro`, `${' '.repeat(45)}1. ${'Gràcia '.repeat(20)}`, `Casa\u001bt\u0001 \u202eozzip\u202c\u001dV\u0002 ${'w'.repeat(150)}`];

describe('the printed ticket of a repair', () => {
  it.each(HOSTILE.map((name) => [JSON.stringify(name.slice(0, 50)), name]))('renders with a stored name %s', async (_, name) => {
    const m = await setUpMerchant(stack, { provider: 'uber_eats', stores: 1 });
    // Straight into the database, as rows written before the API normalized names.
    const conn = stack.db.orm.em.getConnection();
    await conn.execute('update orgs set name = ? where id = ?', [name, m.orgId]);
    await conn.execute('update locations set name = ? where org_id = ?', [name, m.orgId]);
    await conn.execute('update brands set name = ? where org_id = ?', [name, m.orgId]);
    const opened = await report(stack, m.connectionId, 'INVALID_CREDENTIALS');

    const res = await stack.app.inject({ method: 'GET', url: `/v1/repairs/${opened.repairId}/ticket`, headers: auth() });
    expect(res.statusCode).toBe(200);
    expect(res.body.length).toBeLessThan(20_000 + 30 * name.length);
    expect(res.body).not.toMatch(/[\u0000-\u0008\u001b\u001d\u202e\u202c]/);
  });
});

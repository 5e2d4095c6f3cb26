// The numbers an alert tells a merchant, read from the real sinks: stores counted once however many
// providers they sell on, each lost-sales figure on the line it belongs to, and a fixed store
// announced as back (not as a reconnected account).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertingMerchant } from '../helpers/alerting-merchant.js';
import { startSinks, type Sinks } from '../helpers/sinks.js';
import { act, errorCode, eventually, report, sandboxAccount, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let sinks: Sinks;
let stack: RepairStack;
beforeAll(async () => {
  sinks = await startSinks();
  stack = await startRepairStack({ listen: true, env: { ...sinks.env, ALERT_WINDOW_MS: '3000' } });
});
afterAll(async () => {
  await stack?.close();
  await sinks?.close();
});

const mailsTo = async (address: string) => (await sinks.mails()).filter((x) => x.to.some((t) => t.address === address));
const count = (text: string, part: string) => text.split(part).length - 1;

describe('numbers in the grouped alert', () => {
  it('counts 4 stores (not 6) when two of them are on both Uber Eats and Deliveroo, and shows each store’s own lost sales', async () => {
    const m = await createAlertingMerchant(stack, {
      name: 'Cuatro Cocinas',
      phone: '+34600000404',
      email: 'cuatro@example.com',
      stores: 4,
      // Uber Eats: €20, €40, €60 and €80 an hour (€200 in all); Deliveroo: €30 an hour each.
      salesProfile: (i) => ({ uber_eats: { ordersPerHour: 2, averageOrderValue: 10 * (i + 1), currency: 'EUR' }, deliveroo: { ordersPerHour: 1, averageOrderValue: 30, currency: 'EUR' } }),
      connections: [
        { provider: 'uber_eats', stores: [0, 1, 2, 3] },
        { provider: 'deliveroo', stores: [0, 1] },
      ],
    });
    await report(stack, m.connections[0]!, errorCode('uber_eats', 'invalid_credentials'));
    await report(stack, m.connections[1]!, errorCode('deliveroo', 'invalid_store_config', 'store_inactive'));
    const [mail] = await eventually(() => mailsTo('cuatro@example.com'), (all) => all.length > 0, 30_000);
    expect(mail!.subject).toBe('Action needed: 4 stores disconnected');
    // Per provider too (in whichever order the two reports reached the window).
    expect(mail!.text).toMatch(/2 delivery apps are affected: (Uber Eats \(4 stores\) and Deliveroo \(2 stores\)|Deliveroo \(2 stores\) and Uber Eats \(4 stores\))\./);
    const sms = await eventually(async () => sinks.sms.filter((s) => s.to === '+34600000404'), (list) => list.length === 1);
    expect(sms[0]!.body).toContain('4 stores');
    for (const body of [mail!.text ?? '', mail!.html ?? '']) {
      for (const perHour of ['€20', '€40', '€60', '€80']) expect(count(body, `(${perHour} per hour)`)).toBe(1);
      expect(count(body, '(€30 per hour)')).toBe(2);
      expect(body).not.toContain('(€200 per hour)');
    }
  });
});

describe('numbers on a printed ticket', () => {
  it('a store’s ticket shows that store’s lost sales, not its whole connection’s', async () => {
    const m = await createAlertingMerchant(stack, {
      name: 'Dos Impresoras',
      phone: '+34600000606',
      email: 'impresoras@example.com',
      stores: 2,
      printer: sinks.printerAddress,
      salesProfile: (i) => ({ uber_eats: { ordersPerHour: 2, averageOrderValue: 10 * (i + 1), currency: 'EUR' } }),
      connections: [{ provider: 'uber_eats', stores: [0, 1] }],
    });
    await report(stack, m.connections[0]!, errorCode('uber_eats', 'invalid_credentials'));
    const ours = await eventually(async () => (await sinks.tickets()).filter((t) => t.text.includes('Dos Impresoras')), (t) => t.length === 2, 30_000);
    const at = (location: string) => ours.find((t) => t.text.includes(location))!.text.replace(/\s+/g, ' ');
    expect(at('Local 01')).toContain('(€20 per hour)');
    expect(at('Local 02')).toContain('(€40 per hour)');
    for (const t of ours) expect(t.text).not.toContain('€60');
  });
});

describe('the closing message', () => {
  it('says a store fixed through the portal is back, not that the account was reconnected', async () => {
    const m = await createAlertingMerchant(stack, { name: 'Tienda Pausada', phone: '+34600000505', email: 'pausada@example.com', connections: [{ provider: 'deliveroo', stores: [0] }] });
    await sandboxAccount(stack, 'deliveroo', m.accountRefs[0]!, { password: 'correct-horse', storeStatus: 'active' });
    const { repairId } = await report(stack, m.connections[0]!, errorCode('deliveroo', 'invalid_store_config', 'store_inactive'));
    await eventually(() => mailsTo('pausada@example.com'), (all) => all.length === 1, 30_000);
    expect((await act(stack, repairId, 'steps-completed', { actingUserId: m.userId })).body.outcome).toBe('healthy');
    const mails = await eventually(() => mailsTo('pausada@example.com'), (all) => all.length === 2, 30_000);
    const closing = mails.find((x) => !x.subject?.startsWith('Action'))!;
    expect(closing.subject).toBe('Local 01 · Churros Ñam is back on Deliveroo');
    expect(closing.text).not.toMatch(/connected again|reconnect/i);
    const sms = await eventually(async () => sinks.sms.filter((s) => s.to === '+34600000505'), (list) => list.length === 2);
    expect(sms.map((s) => s.body).join('\n')).not.toMatch(/connected again/);
  });
});

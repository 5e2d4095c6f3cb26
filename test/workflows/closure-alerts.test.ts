// Planned closures on the time-skipping server: an alert about a closed store waits for the end of
// the closure and goes out then if the repair is still broken, or never if it was fixed meanwhile.
// A connection that also serves an open location is alerted at once. Real channels (mail sink).
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { ruleFor } from '../../core/providers/index.js';
import { useTimeSkippingStack } from '../helpers/time-skipping-stack.js';
import { startSinks } from '../helpers/sinks.js';
import { useStarted } from '../helpers/lifecycle.js';
import { auth } from '../helpers/api.js';
import { createAlertingMerchant } from '../helpers/alerting-merchant.js';
import { eventually, repairDetail, report } from '../helpers/repair-stack.js';

const sinks = useStarted(startSinks);
const { env, stack } = useTimeSkippingStack(() => ({ ...sinks().env, ALERT_WINDOW_MS: '2000' }));

const HOUR = 3600_000;
const inactive = ruleFor('deliveroo', 'invalid_store_config', 'store_inactive')!.code;
const mailsTo = async (address: string) => (await sinks().mails()).filter((m) => m.to.some((t) => t.address === address));
type Intent = { kind: string; status: string; reason: string | null; sendAfter: string | null };
const intents = async (repairId: string) => (await repairDetail(stack(), repairId)).notifications as unknown as Intent[];

async function locationsOf(orgId: string): Promise<string[]> {
  const res = await stack().app.inject({ method: 'GET', url: `/v1/orgs/${orgId}/locations`, headers: auth() });
  return (res.json() as { items: { id: string }[] }).items.map((l) => l.id);
}

/** Closes a location from an hour ago for `hours` hours, in Madrid's time as the workflows see it (earlier tests skipped ahead). */
async function closeFor(orgId: string, locationId: string, hours: number) {
  const madrid = DateTime.fromMillis(await env().currentTimeMs()).setZone('Europe/Madrid').startOf('minute');
  const fmt = (d: DateTime) => d.toFormat("yyyy-MM-dd'T'HH:mm");
  const res = await stack().app.inject({
    method: 'POST',
    url: `/v1/orgs/${orgId}/closures`,
    headers: auth(),
    payload: { locationId, reason: 'holiday', startsLocal: fmt(madrid.minus({ hours: 1 })), endsLocal: fmt(madrid.plus({ hours })), timezone: 'Europe/Madrid' },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { endsAt: string };
}

describe('planned closures', () => {
  it('holds the alert of a repair opened during a closure and sends it when the closure ends', async () => {
    const m = await createAlertingMerchant(stack(), { name: 'Cerrado por Navidad', locale: 'es', phone: '+34600300001', email: 'navidad@example.com' });
    const [location] = await locationsOf(m.orgId);
    const closure = await closeFor(m.orgId, location!, 6);
    const opened = await report(stack(), m.connections[0]!, inactive);

    const held = await eventually(() => intents(opened.repairId), (list) => list.some((i) => i.kind === 'action_needed' && i.status === 'held'));
    expect(held.find((i) => i.kind === 'action_needed')).toMatchObject({ reason: 'location_closed', sendAfter: closure.endsAt });
    // Reminders come due during the closure (every two hours); they are held too.
    await env().sleep(4.5 * HOUR);
    expect(await mailsTo('navidad@example.com')).toHaveLength(0);
    expect((await intents(opened.repairId)).filter((i) => i.status !== 'held')).toEqual([]);

    await env().sleep(2 * HOUR);
    const mails = await eventually(() => mailsTo('navidad@example.com'), (list) => list.length > 0);
    expect(mails[0]!.subject).toMatch(/Deliveroo/);
    const after = await eventually(() => intents(opened.repairId), (list) => list.every((i) => i.status !== 'held'));
    expect(after.filter((i) => i.kind === 'action_needed').map((i) => i.status)).toEqual(['delivered']);
    // The held reminders add nothing to the "action needed" sent with them: one message, not three.
    expect(after.filter((i) => i.kind === 'reminder').map((i) => i.reason)).toEqual(after.filter((i) => i.kind === 'reminder').map(() => 'superseded'));
    expect(await mailsTo('navidad@example.com')).toHaveLength(1);
  });

  it('sends nothing at all about a repair fixed before the closure ends', async () => {
    const m = await createAlertingMerchant(stack(), { name: 'Reformas Paco', locale: 'es', phone: '+34600300002', email: 'reformas@example.com' });
    const [location] = await locationsOf(m.orgId);
    await closeFor(m.orgId, location!, 3);
    const opened = await report(stack(), m.connections[0]!, inactive);
    await eventually(() => intents(opened.repairId), (list) => list.some((i) => i.status === 'held'));

    const healed = await stack().app.inject({ method: 'POST', url: `/v1/connections/${m.connections[0]}/healthy`, headers: auth(), payload: {} });
    expect(healed.statusCode).toBeLessThan(300);
    await eventually(() => repairDetail(stack(), opened.repairId), (d) => d.state === 'repaired_elsewhere');
    await env().sleep(4 * HOUR);
    const after = await eventually(() => intents(opened.repairId), (list) => list.length > 0 && list.every((i) => i.status !== 'held'));
    expect(after.map((i) => [i.kind, i.status, i.reason])).toEqual(after.map((i) => [i.kind, 'suppressed', 'fixed_during_closure']));
    expect(await mailsTo('reformas@example.com')).toHaveLength(0);
  });

  it('alerts at once when the connection also serves a location that is open', async () => {
    const m = await createAlertingMerchant(stack(), { name: 'Dos Locales', locale: 'es', stores: 2, connections: [{ provider: 'deliveroo', stores: [0, 1] }], phone: '+34600300003', email: 'doslocales@example.com' });
    const [first] = await locationsOf(m.orgId);
    await closeFor(m.orgId, first!, 6);
    const opened = await report(stack(), m.connections[0]!, inactive);
    await eventually(() => mailsTo('doslocales@example.com'), (list) => list.length === 1);
    await eventually(() => intents(opened.repairId), (list) => list.some((i) => i.kind === 'action_needed' && i.status === 'delivered'));
  });
});

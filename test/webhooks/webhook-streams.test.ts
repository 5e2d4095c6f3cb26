// Each subscription has its own stream: an endpoint that is down delays only its own events, and a
// redelivery asked for while the stream's dispatcher runs is delivered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleFor } from '../../core/providers/index.js';
import { auth } from '../helpers/api.js';
import { act, eventually, report, sandboxAccount, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';
import { startWebhookReceivers, type WebhookReceivers } from './webhook-receivers.js';

let stack: RepairStack;
let receivers: WebhookReceivers;
beforeAll(async () => {
  // The receivers are local: development's allow-list names them, as npm run dev names its sinks.
  receivers = await startWebhookReceivers();
  stack = await startRepairStack({ env: { WEBHOOK_RETRY_INITIAL_MS: '200', OUTBOUND_ALLOW: new URL(receivers.url('/')).host } });
});
afterAll(async () => {
  await stack?.close();
  await receivers?.close();
});

const EVENTS = ['repair.opened', 'repair.attempt', 'repair.resolved'];

async function subscribe(orgId: string, path: string): Promise<string> {
  const res = await stack.app.inject({ method: 'POST', url: '/v1/webhooks', headers: auth(), payload: { url: receivers.url(path), events: EVENTS, orgId } });
  expect(res.statusCode).toBe(201);
  return (res.json() as { id: string }).id;
}

async function deliveries(subscriptionId: string) {
  const res = await stack.app.inject({ method: 'GET', url: `/v1/webhooks/${subscriptionId}/deliveries`, headers: auth() });
  return (res.json() as { items: { id: string; type: string; status: string; attempts: number }[] }).items;
}

/** A repair that opens, is attempted and resolves: three events for each subscription. */
async function repairThatResolves() {
  const m = await setUpMerchant(stack, { provider: 'uber_eats' });
  await sandboxAccount(stack, 'uber_eats', m.accountRef, {});
  return m;
}
async function runRepair(m: Awaited<ReturnType<typeof repairThatResolves>>) {
  const opened = await report(stack, m.connectionId, ruleFor('uber_eats', 'invalid_credentials')!.code);
  await act(stack, opened.repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'correct-horse' });
}

describe('webhook streams', () => {
  it('delivers a live subscriber its events while another subscriber’s endpoint is down and still being retried', async () => {
    const m = await repairThatResolves();
    receivers.dead.add('/dead');
    // The dead one subscribes first: in a shared stream its deliveries would come first.
    const dead = await subscribe(m.orgId, '/dead');
    await subscribe(m.orgId, '/live');
    await runRepair(m);

    const live = await eventually(async () => receivers.received.filter((r) => r.path === '/live'), (r) => r.some((x) => x.type === 'repair.resolved'), 30_000);
    expect(live.filter((r) => r.status === 204).map((r) => r.type)).toEqual(EVENTS);
    // Meanwhile the dead endpoint's first event is still being retried, not given up on.
    const log = await deliveries(dead);
    expect(log.find((d) => d.type === 'repair.opened')).toMatchObject({ status: 'pending' });
    expect(receivers.received.some((r) => r.path === '/dead' && r.status === 500)).toBe(true);
  });

  it('delivers a redelivery asked for while the stream’s dispatcher is still running', async () => {
    const m = await repairThatResolves();
    const id = await subscribe(m.orgId, '/again');
    await runRepair(m);
    await eventually(async () => receivers.received.filter((r) => r.path === '/again'), (r) => r.some((x) => x.type === 'repair.resolved'), 30_000);
    const opened = (await deliveries(id)).find((d) => d.type === 'repair.opened')!;
    expect(opened.status).toBe('delivered');
    const eventId = receivers.received.find((r) => r.path === '/again' && r.type === 'repair.opened')!.eventId;

    const res = await stack.app.inject({ method: 'POST', url: `/v1/webhooks/deliveries/${opened.id}/redeliver`, headers: auth() });
    expect(res.statusCode).toBe(202);
    const copies = await eventually(async () => receivers.received.filter((r) => r.path === '/again' && r.eventId === eventId), (r) => r.length === 2, 30_000);
    expect(copies.map((c) => c.status)).toEqual([204, 204]);
    await eventually(() => deliveries(id), (log) => log.find((d) => d.id === opened.id)?.status === 'delivered');
  });
});

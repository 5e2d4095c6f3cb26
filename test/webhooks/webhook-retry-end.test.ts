// A delivery's retries end: past the retry budget it is recorded failed (the subscriber sees it in
// the delivery log), the stream goes on, and once the endpoint is back a redelivery gets through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleFor } from '../../core/providers/index.js';
import { auth } from '../helpers/api.js';
import { act, eventually, report, sandboxAccount, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';
import { startWebhookReceivers, type WebhookReceivers } from './webhook-receivers.js';
import { samplesOf, sumOf } from '../helpers/prometheus-text.js';

let stack: RepairStack;
let receivers: WebhookReceivers;
beforeAll(async () => {
  // The receivers are local: development's allow-list names them, as npm run dev names its sinks.
  receivers = await startWebhookReceivers();
  stack = await startRepairStack({ env: { WEBHOOK_RETRY_INITIAL_MS: '200', WEBHOOK_RETRY_FOR_MS: '2000', OUTBOUND_ALLOW: new URL(receivers.url('/')).host } });
});
afterAll(async () => {
  await stack?.close();
  await receivers?.close();
});

describe('webhook retries', () => {
  it('end in "failed" for every event of a dead endpoint, and a redelivery goes out once it is back', async () => {
    const m = await setUpMerchant(stack, { provider: 'uber_eats' });
    await sandboxAccount(stack, 'uber_eats', m.accountRef, {});
    receivers.dead.add('/down');
    const created = await stack.app.inject({ method: 'POST', url: '/v1/webhooks', headers: auth(), payload: { url: receivers.url('/down'), events: ['repair.opened', 'repair.attempt', 'repair.resolved'], orgId: m.orgId } });
    const id = (created.json() as { id: string }).id;
    const opened = await report(stack, m.connectionId, ruleFor('uber_eats', 'invalid_credentials')!.code);
    await act(stack, opened.repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'correct-horse' });

    const read = async () => ((await stack.app.inject({ method: 'GET', url: `/v1/webhooks/${id}/deliveries`, headers: auth() })).json() as { items: { id: string; type: string; status: string; attempts: number }[] }).items;
    const log = await eventually(read, (items) => items.length === 3 && items.every((d) => d.status === 'failed'), 60_000);
    expect(log.find((d) => d.type === 'repair.opened')!.attempts).toBeGreaterThan(1);
    // Each delivery counted once when its retries ended, however many attempts it took.
    const deliveries = async (status: string) => sumOf(await samplesOf(stack.workerMetrics), 'repair_webhook_deliveries_total', { status });
    await eventually(() => deliveries('failed'), (n) => n === 3);

    receivers.dead.delete('/down');
    const first = log.find((d) => d.type === 'repair.opened')!;
    const res = await stack.app.inject({ method: 'POST', url: `/v1/webhooks/deliveries/${first.id}/redeliver`, headers: auth() });
    expect(res.statusCode).toBe(202);
    await eventually(read, (items) => items.find((d) => d.id === first.id)?.status === 'delivered', 30_000);
    expect(receivers.received.some((r) => r.path === '/down' && r.type === 'repair.opened' && r.status === 204)).toBe(true);
    await eventually(() => deliveries('delivered'), (n) => n === 1);
    expect(await deliveries('failed')).toBe(3);
  }, 90_000);
});

// Repair events reach a subscriber signed, in order, retried with backoff, each with a stable id.
import { createServer, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleFor } from '../../core/providers/index.js';
import { auth } from '../helpers/api.js';
import { eventually, report, sandboxAccount, act, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

interface Received {
  eventId: string;
  webhookId: unknown;
  type: string;
  valid: boolean;
  status: number;
}

let stack: RepairStack;
let receiver: Server;
let receiverUrl = '';
const received: Received[] = [];
let failuresLeft = 0;
let secret = '';

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      // As a receiver would: the Standard Webhooks verifier over the raw body and the request's headers.
      let valid = true;
      try {
        new Webhook(secret).verify(body, req.headers as Record<string, string>);
      } catch {
        valid = false;
      }
      const event = JSON.parse(body) as { id: string; type: string };
      const status = failuresLeft > 0 ? 500 : 204;
      if (failuresLeft > 0) failuresLeft -= 1;
      received.push({ eventId: event.id, webhookId: req.headers['webhook-id'], type: event.type, valid, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const address = receiver.address();
  receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hooks`;
  // The receiver is local: development's explicit allow-list lets the worker reach it (nothing else would).
  stack = await startRepairStack({ env: { WEBHOOK_RETRY_INITIAL_MS: '200', OUTBOUND_ALLOW: new URL(receiverUrl).host } });
});
afterAll(async () => {
  await stack?.close();
  receiver?.close();
});

describe('webhooks', () => {
  it('delivers signed events in order, retrying a failing receiver until it accepts, with the same event id', async () => {
    const m = await setUpMerchant(stack, { provider: 'uber_eats' });
    const created = await stack.app.inject({ method: 'POST', url: '/v1/webhooks', headers: auth(), payload: { url: receiverUrl, events: ['repair.opened', 'repair.attempt', 'repair.resolved'], orgId: m.orgId } });
    expect(created.statusCode).toBe(201);
    secret = (created.json() as { secret: string }).secret;
    expect(secret).toMatch(/^whsec_/);

    failuresLeft = 2;
    await sandboxAccount(stack, 'uber_eats', m.accountRef, {});
    const opened = await report(stack, m.connectionId, ruleFor('uber_eats', 'invalid_credentials')!.code);
    await act(stack, opened.repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'correct-horse' });

    const all = await eventually(async () => [...received], (r) => r.some((x) => x.type === 'repair.resolved' && x.status === 204), 30_000);
    const opens = all.filter((r) => r.type === 'repair.opened');
    expect(opens.map((r) => r.status)).toEqual([500, 500, 204]);
    expect(new Set(opens.map((r) => r.eventId)).size).toBe(1);
    // Receivers de-duplicate on webhook-id: every retry carries the event's id.
    expect(opens.map((r) => r.webhookId)).toEqual(opens.map((r) => r.eventId));
    expect(all.every((r) => r.valid)).toBe(true);
    const accepted = all.filter((r) => r.status === 204).map((r) => r.type);
    expect(accepted).toEqual(['repair.opened', 'repair.attempt', 'repair.resolved']);

    const id = (created.json() as { id: string }).id;
    const log = (await stack.app.inject({ method: 'GET', url: `/v1/webhooks/${id}/deliveries`, headers: auth() })).json() as { items: { type: string; status: string; attempts: number }[] };
    expect(log.items.find((d) => d.type === 'repair.opened')).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it('records an event only for the subscriptions that want it: active, its type, and its organization or every one', async () => {
    const m = await setUpMerchant(stack, { provider: 'uber_eats' });
    const other = await setUpMerchant(stack, { provider: 'uber_eats' });
    const subscribe = async (events: string[], orgId?: string) =>
      ((await stack.app.inject({ method: 'POST', url: '/v1/webhooks', headers: auth(), payload: { url: receiverUrl, events, ...(orgId ? { orgId } : {}) } })).json() as { id: string }).id;
    const mine = await subscribe(['repair.opened'], m.orgId);
    const everyOrg = await subscribe(['repair.action_needed', 'repair.opened']);
    const othersOrg = await subscribe(['repair.opened'], other.orgId);
    const otherType = await subscribe(['repair.resolved']);
    const stopped = await subscribe(['repair.opened'], m.orgId);
    expect((await stack.app.inject({ method: 'DELETE', url: `/v1/webhooks/${stopped}`, headers: auth() })).statusCode).toBe(204);
    const opened = await report(stack, m.connectionId, ruleFor('uber_eats', 'invalid_credentials')!.code);
    const typesFor = async (subscriptionId: string) =>
      (await stack.db.orm.em.fork().getConnection().execute<{ type: string }[]>(
        "select d.type from webhook_deliveries d where d.subscription_id = ? and d.payload->'data'->>'repairId' = ? order by d.type", [subscriptionId, opened.repairId]))
        .map((d) => d.type);
    await eventually(() => typesFor(everyOrg), (types) => types.length === 2);
    expect(await typesFor(everyOrg)).toEqual(['repair.action_needed', 'repair.opened']);
    expect(await typesFor(mine)).toEqual(['repair.opened']);
    expect(await typesFor(othersOrg)).toEqual([]);
    expect(await typesFor(otherType)).toEqual([]);
    expect(await typesFor(stopped)).toEqual([]);
  });

  it('validates subscriptions', async () => {
    // A secret outside the convention's form (whsec_ and base64) is one the receiver's verifier would refuse.
    const bad = await stack.app.inject({ method: 'POST', url: '/v1/webhooks', headers: auth(), payload: { url: 'ftp://nope', events: ['repair.exploded'], secret: 'whsec_not-base64_but-long-enough-text' } });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: { name: string }[] }).errors.map((e) => e.name).sort()).toEqual(['body.events.0', 'body.secret', 'body.url']);
  });
});

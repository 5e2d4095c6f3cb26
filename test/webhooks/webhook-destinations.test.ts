// Webhooks never reach inside our network: an internal destination is refused when subscribed (422
// naming `url`) and again when the worker connects, on the address the name resolves to then (a
// public-looking name pointed at 127.0.0.1, a row stored before the rule). The delivery log says
// only what kind of failure happened: never an address, a port or a socket error.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lookup as systemLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { NativeConnection } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundPolicy } from '../../activities/outbound/outbound-policy.js';
import { WebhookSubscription } from '../../core/db/entities/index.js';
import { SecretBox } from '../../core/secrets/secret-box.js';
import { newWebhookSecret } from '../../core/services/webhooks/subscription-secrets.js';
import { freePort } from '../../dev/ports.js';
import { ruleFor } from '../../core/providers/index.js';
import { createWorker } from '../../worker.js';
import { auth } from '../helpers/api.js';
import { eventually, report, setUpMerchant, startRepairStack, workerDependencies, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
/** An internal service next to the worker: nothing may ever reach it. */
let internal: Server;
let internalHits = 0;
/** A receiver development allowed explicitly (OUTBOUND_ALLOW), answering 500. */
let failing: Server;
let internalPort = 0;
let failingPort = 0;
let closedPort = 0;

const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
};

beforeAll(async () => {
  internal = createServer((_req, res) => {
    internalHits += 1;
    res.writeHead(204).end();
  });
  failing = createServer((req, res) => req.resume().on('end', () => res.writeHead(500).end()));
  internalPort = await listen(internal);
  failingPort = await listen(failing);
  closedPort = await freePort();
  stack = await startRepairStack({ env: { WEBHOOK_RETRY_INITIAL_MS: '200', OUTBOUND_ALLOW: `127.0.0.1:${failingPort},127.0.0.1:${closedPort}` } });
});
afterAll(async () => {
  await stack?.close();
  internal?.close();
  failing?.close();
});

const subscribe = (url: string, orgId?: string) => stack.app.inject({ method: 'POST', url: '/v1/webhooks', headers: auth(), payload: { url, events: ['repair.opened'], ...(orgId ? { orgId } : {}) } });

describe('subscribing', () => {
  it.each([
    'http://127.0.0.1:%P/hooks',
    'http://2130706433:%P/',
    'http://0x7f000001:%P/',
    'http://0177.0.0.1:%P/',
    'http://127.1:%P/',
    'http://[::ffff:127.0.0.1]:%P/',
    'http://[::1]:%P/',
    'http://0.0.0.0:%P/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://10.0.0.5/',
    'http://[fd00::1]/',
    'http://224.0.0.1/',
    'http://localhost:%P/',
    'http://metadata.google.internal/',
  ])('refuses %s with 422 naming url', async (template) => {
    const res = await subscribe(template.replace('%P', String(internalPort)));
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((res.json() as { errors: { name: string }[] }).errors.map((e) => e.name)).toEqual(['body.url']);
  });

  it('accepts a public destination and one development allowed by OUTBOUND_ALLOW', async () => {
    const m = await setUpMerchant(stack, { provider: 'uber_eats' });
    // Scoped to an organization that never reports: nothing is delivered to them here.
    expect((await subscribe('https://hooks.example.com/repair', m.orgId)).statusCode).toBe(201);
    expect((await subscribe(`http://127.0.0.1:${failingPort}/hooks`, m.orgId)).statusCode).toBe(201);
  });
});

describe('delivering', () => {
  it('refuses at connect a name that resolves inside, records a generic error, and never reaches the address', async () => {
    // One organization (so one repair, one ordered stream) per destination: a retrying delivery holds none of the others.
    const merchants = await Promise.all([0, 1, 2, 3].map(() => setUpMerchant(stack, { provider: 'uber_eats' })));
    const rebound = (await subscribe(`http://hooks.example.test:${internalPort}/rebound`, merchants[0]!.orgId)).json() as { id: string };
    // A subscription stored before destinations were checked.
    const legacy = 'whk_legacylocalhost01';
    const em = stack.db.orm.em.fork();
    const box = new SecretBox(stack.config.secretKeys.keys, stack.config.secretKeys.current);
    em.create(WebhookSubscription, { id: legacy, url: `http://localhost:${internalPort}/legacy`, events: ['repair.opened'], orgId: merchants[1]!.orgId, secrets: [{ sealed: box.seal(newWebhookSecret(), legacy), expiresAt: null }], active: true, createdAt: new Date() });
    await em.flush();
    const refusedConnect = (await subscribe(`http://127.0.0.1:${closedPort}/closed`, merchants[2]!.orgId)).json() as { id: string };
    const fiveHundred = (await subscribe(`http://127.0.0.1:${failingPort}/hooks`, merchants[3]!.orgId)).json() as { id: string };

    // The name server now points hooks.example.test at the worker's own loopback.
    const resolve = ((hostname: string, options: object, callback: (e: Error | null, a: LookupAddress[]) => void) => {
      if (hostname === 'hooks.example.test') return callback(null, [{ address: '127.0.0.1', family: 4 }]);
      (systemLookup as unknown as LookupFunction)(hostname, { ...options, all: true }, callback as never);
    }) as unknown as LookupFunction;
    stack.worker.shutdown();
    await eventually(async () => stack.worker.getState(), (s) => s === 'STOPPED');
    const connection = await NativeConnection.connect({ address: stack.config.temporal.address });
    const worker = await createWorker({ ...workerDependencies(stack.config, stack.db, stack.temporal, connection), outbound: new OutboundPolicy(stack.config.outboundAllow, resolve) });
    type Delivery = { status: string; attempts: number; lastError: string | null; lastStatusCode: number | null };
    const log = async (id: string) => ((await stack.app.inject({ method: 'GET', url: `/v1/webhooks/${id}/deliveries`, headers: auth() })).json() as { items: Delivery[] }).items;

    const all = await worker.runUntil(async () => {
      for (const m of merchants) await report(stack, m.connectionId, ruleFor('uber_eats', 'invalid_credentials')!.code);
      const refused = await eventually(() => log(rebound.id), (items) => items[0]?.status === 'failed');
      const old = await eventually(() => log(legacy), (items) => items[0]?.status === 'failed');
      const closed = await eventually(() => log(refusedConnect.id), (items) => (items[0]?.attempts ?? 0) >= 1);
      const answered = await eventually(() => log(fiveHundred.id), (items) => (items[0]?.attempts ?? 0) >= 1);
      return { refused, old, closed, answered };
    });
    await connection.close();

    expect(all.refused[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'destination not allowed', lastStatusCode: null });
    expect(all.old[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'destination not allowed' });
    expect(all.closed[0]!.lastError).toBe('could not connect');
    expect(all.answered[0]).toMatchObject({ lastError: 'HTTP 5xx', lastStatusCode: 500 });
    expect(internalHits).toBe(0);
    for (const delivery of [all.refused, all.old, all.closed, all.answered].flat()) {
      expect(delivery.lastError ?? '').not.toMatch(/127\.0\.0\.1|localhost|example\.test|ECONN|EAI|\d{4,5}/);
    }
  });
});

// Metrics describe the whole service (routes, load, memory): they are served on a port of their own
// (API_METRICS_PORT, bound to API_METRICS_HOST), never on the public API port, key or no key.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import { createMetricsRegistry, startMetricsServer, type MetricsServer } from '../../core/metrics/metrics-server.js';
import { auth, TEST_AGENT_KEY, testConfig } from '../helpers/api.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let db: TestDatabase;
let connection: Connection;
let app: FastifyInstance;
let apiUrl = '';
let metrics: MetricsServer;
beforeAll(async () => {
  const config = testConfig();
  db = await createTestDatabase();
  connection = await Connection.connect({ address: config.temporal.address });
  // As server.ts wires it: one registry, filled by the app, served by its own listener.
  const registry = createMetricsRegistry('repair-api');
  app = await buildApp({ config: { ...config, databaseUrl: db.url }, orm: db.orm, temporal: new Client({ connection }), metrics: registry }, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  apiUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  metrics = await startMetricsServer(registry, { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await metrics?.close();
  await app?.close();
  await connection?.close();
  await db?.close();
});

it('is not on the API port, with or without a key', async () => {
  for (const headers of [{}, auth(), auth(TEST_AGENT_KEY)]) {
    const res = await fetch(`${apiUrl}/metrics`, { headers });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('http_request_duration_seconds');
  }
});

it('exports request metrics by route on the metrics port', async () => {
  await (await fetch(`${apiUrl}/healthz`)).text();
  const res = await fetch(`${metrics.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  expect(await res.text()).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/healthz"[^}]*\} \d+/);
  expect((await fetch(`${metrics.url}/elsewhere`)).status).toBe(404);
});

// Fault drill: PostgreSQL goes away. /readyz says so, reports are refused with 503 and Retry-After
// (never accepted and lost), and everything works again when it is back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { buildApp } from '../../api/app.js';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../dev/embedded-postgres.js';
import { openOrm, type Orm } from '../../core/db/orm.js';
import { auth, testConfig } from '../helpers/api.js';
import type { FastifyInstance } from 'fastify';

let dataDir: string;
let pg: EmbeddedPostgresHandle;
let orm: Orm;
let app: FastifyInstance;
let connection: Connection;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'repair-drill-pg-'));
  pg = await startEmbeddedPostgres({ dataDir, unsafeFast: true });
  orm = await openOrm(pg.url, { poolMax: 3 });
  const config = testConfig();
  connection = await Connection.connect({ address: config.temporal.address });
  app = await buildApp({ config: { ...config, databaseUrl: pg.url }, orm, temporal: new Client({ connection }) }, { logger: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await connection?.close();
  await orm?.close(true).catch(() => undefined);
  await pg?.stop().catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
});

describe('PostgreSQL outage', () => {
  it('refuses reports with 503 and Retry-After while it is down, and recovers when it is back', async () => {
    const org = (await app.inject({ method: 'POST', url: '/v1/orgs', headers: auth(), payload: { name: 'Drill', locale: 'en', timezone: 'UTC', environment: 'sandbox' } })).json() as { id: string };

    await pg.stop();
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.body).not.toMatch(/postgres|ECONNREFUSED/i);

    const report = await app.inject({ method: 'POST', url: '/v1/disconnections', headers: auth(), payload: { connectionId: 'con_anything000000', errorCode: 'AUTH.INVALID_CREDENTIALS' } });
    expect(report.statusCode).toBe(503);
    expect(report.headers['retry-after']).toBeDefined();
    expect(report.headers['content-type']).toMatch(/problem\+json/);
    expect(report.body).not.toMatch(/password|ECONNREFUSED|stack/i);

    const restarted = await startEmbeddedPostgres({ dataDir, port: pg.port, unsafeFast: true });
    pg = restarted;
    const back = async () => (await app.inject({ method: 'GET', url: `/v1/orgs/${org.id}`, headers: auth() })).statusCode;
    const deadline = Date.now() + 30_000;
    while ((await back()) !== 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await back()).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { buildApp } from '../../api/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { testConfig } from '../helpers/api.js';

let db: TestDatabase;
let connection: Connection;
beforeAll(async () => {
  db = await createTestDatabase();
  // Nothing listens on port 1: every Temporal call fails as it would during an outage.
  connection = Connection.lazy({ address: '127.0.0.1:1' });
});
afterAll(async () => {
  await connection.close().catch(() => undefined);
  await db.close();
});

it('answers 503 naming the backing service that does not answer', async () => {
  const config = testConfig();
  const app = await buildApp({ config, orm: db.orm, temporal: new Client({ connection }) }, { logger: false });
  const res = await app.inject({ method: 'GET', url: '/readyz' });
  await app.close();
  expect(res.statusCode).toBe(503);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.headers['retry-after']).toBe('5');
  const body = res.json() as { detail: string; checks: Record<string, string> };
  expect(body.checks.postgres).toBe('ok');
  expect(body.checks.temporal).not.toBe('ok');
  expect(body.detail).toContain('temporal');
});

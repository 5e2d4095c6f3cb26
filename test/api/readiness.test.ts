import { PassThrough } from 'node:stream';
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

// Anyone can call /readyz: which backend failed, and why, goes to the log for the operator only.
it('answers 503 with a generic problem and logs which backing service does not answer', async () => {
  const config = testConfig({ LOG_LEVEL: 'info' });
  const logs = new PassThrough();
  let logged = '';
  logs.on('data', (d) => (logged += d));
  const app = await buildApp({ config, orm: db.orm, temporal: new Client({ connection }) }, { logStream: logs });
  const res = await app.inject({ method: 'GET', url: '/readyz' });
  await app.close();
  expect(res.statusCode).toBe(503);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.headers['retry-after']).toBe('5');
  expect(res.json()).toEqual({ type: expect.stringMatching(/not-ready$/), title: 'Not ready', status: 503, detail: 'The service cannot take requests yet; try again shortly.' });
  expect(res.body).not.toMatch(/temporal|postgres|127\.0\.0\.1|ECONNREFUSED|did not answer/i);
  expect(logged).toMatch(/"temporal":"(?!ok)/);
  expect(logged).toContain('"postgres":"ok"');
});

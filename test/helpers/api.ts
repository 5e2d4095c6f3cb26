// The API as tests use it: the real app plugin on a database of its own and the shared Temporal server.
import type { FastifyInstance } from 'fastify';
import { Client, Connection } from '@temporalio/client';
import { inject } from 'vitest';
import type { Registry } from 'prom-client';
import { buildApp } from '../../api/app.js';
import { loadConfig, type AppConfig } from '../../core/config/config.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const TEST_API_KEY = 'test-service-key-0001';
export const TEST_AGENT_KEY = 'test-agent-key-00001';

export interface TestApi {
  app: FastifyInstance;
  db: TestDatabase;
  temporal: Client;
  config: AppConfig;
  close(): Promise<void>;
}

/** The environment tests run the product with; a worker started as its own process gets it too. */
export function testEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    // Production, as the start scripts run: every setting given, none from a development default.
    DATABASE_URL: 'postgres://repair:unused@127.0.0.1:1/replaced-by-each-test',
    PUBLIC_URL: 'http://localhost:3000',
    PROVIDER_BASE_URL: 'http://127.0.0.1:4010',
    PROVIDER_PARTNER_KEY: 'sandbox-partner-key',
    MAIL_FROM: 'Repair alerts <alerts@repair.localhost>',
    API_KEYS: `${TEST_API_KEY}:service,${TEST_AGENT_KEY}:agent`,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: `test-${Math.random().toString(36).slice(2, 10)}`,
    DATA_DIR: '/tmp/repair-test-data',
    SECRETS_KEYS: `test:${Buffer.alloc(32, 7).toString('base64')}`,
    LOG_LEVEL: 'warn',
    // Channels point nowhere unless a test starts sinks and overrides these.
    TWILIO_ACCOUNT_SID: 'AC0000000000000000000000000000test',
    TWILIO_AUTH_TOKEN: 'test-twilio-auth-token',
    TWILIO_FROM: '+15005550006',
    TWILIO_API_BASE_URL: 'http://127.0.0.1:1',
    SMTP_URL: 'smtp://127.0.0.1:1',
    ...overrides,
  };
}

export function testConfig(overrides: NodeJS.ProcessEnv = {}): AppConfig {
  return loadConfig(testEnv(overrides));
}

/** `metrics`: the registry the app's metrics go to (a test reads it directly). */
export async function createTestApi(overrides: NodeJS.ProcessEnv = {}, { metrics }: { metrics?: Registry } = {}): Promise<TestApi> {
  const config = testConfig(overrides);
  const db = await createTestDatabase();
  const connection = await Connection.connect({ address: config.temporal.address });
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const app = await buildApp({ config: { ...config, databaseUrl: db.url }, orm: db.orm, temporal, ...(metrics ? { metrics } : {}) }, { logger: false });
  await app.ready();
  return {
    app,
    db,
    temporal,
    config: { ...config, databaseUrl: db.url },
    close: async () => {
      await app.close();
      await connection.close();
      await db.close();
    },
  };
}

export const auth = (key = TEST_API_KEY) => ({ authorization: `Bearer ${key}` });

// Proves the harness: the real worker composition runs a workflow on the real Temporal server.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { Registry } from 'prom-client';
import { createWorker } from '../../worker.js';
import { createAlertChannels } from '../../activities/alerts/create-alert-channels.js';
import { workerProbeWorkflow } from '../../workflows/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { testConfig } from '../helpers/api.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

it('runs the worker-probe workflow through the real worker', async () => {
  const config = testConfig();
  const nativeConnection = await NativeConnection.connect({ address: config.temporal.address });
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({ connection });
  const worker = await createWorker({ config, orm: db.orm, connection: nativeConnection, client, channels: createAlertChannels(config), metrics: new Registry() });
  const result = await worker.runUntil(
    client.workflow.execute(workerProbeWorkflow, {
      taskQueue: config.temporal.taskQueue,
      workflowId: `worker-probe-smoke-${Date.now()}`,
      args: [{ version: 1, sentAt: new Date().toISOString() }],
    }),
  );
  expect(Date.parse(result.answeredAt)).not.toBeNaN();
  await connection.close();
  await nativeConnection.close();
});

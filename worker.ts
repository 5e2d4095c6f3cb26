// Composition root of the worker: config → ORM → activities → Worker. Runs until SIGINT/SIGTERM.
import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { loadConfig, type AppConfig } from './config/config.js';
import { openOrm, type Orm } from './db/orm.js';
import { createActivities } from './activities/index.js';
import { connectionOptions } from './temporal/connection-options.js';

export const WORKFLOWS_PATH = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

export interface WorkerDependencies {
  config: AppConfig;
  orm: Orm;
  connection: NativeConnection;
  /** Tests pass a prebuilt bundle to save the bundling time. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export async function createWorker(deps: WorkerDependencies): Promise<Worker> {
  return Worker.create({
    connection: deps.connection,
    namespace: deps.config.temporal.namespace,
    taskQueue: deps.config.temporal.taskQueue,
    ...(deps.workflowBundle ? { workflowBundle: deps.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities({ orm: deps.orm }),
    // Bounded cache: thousands of repairs wait for days; evicted ones replay when they wake.
    maxCachedWorkflows: 1000,
  });
}

async function main() {
  const config = loadConfig();
  // The SDK logs every bundling step at INFO; our own lines say what matters.
  Runtime.install({ logger: new DefaultLogger(config.logLevel === 'debug' ? 'DEBUG' : 'WARN') });
  if (!config.databaseUrl) {
    console.error('DATABASE_URL is not set: start the worker through `npm run dev`, or point it at a PostgreSQL server.');
    process.exit(1);
  }
  const orm = await openOrm(config.databaseUrl);
  const connection = await NativeConnection.connect(connectionOptions(config.temporal));
  const worker = await createWorker({ config, orm, connection });
  console.log(`worker polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address}`);
  // The SDK's runtime shuts the worker down on SIGINT/SIGTERM; run() then resolves.
  await worker.run();
  await connection.close();
  await orm.close();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();

// Composition root of the worker: config → ORM → activities → Worker. Runs until SIGINT/SIGTERM.
import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { loadConfigOrExit, type AppConfig } from './core/config/config.js';
import { openOrm, type Orm } from './core/db/orm.js';
import { createActivities } from './activities/index.js';
import { connectorFor } from './activities/connectors/index.js';
import { SecretBox } from './core/secrets/secret-box.js';
import { Client, Connection } from '@temporalio/client';
import type { AlertChannels } from './activities/alerts/alert-channels.js';
import { createAlertChannels } from './activities/alerts/create-alert-channels.js';
import { linkKeysOf } from './core/secrets/repair-links.js';
import { ensureProbeSchedules } from './core/temporal/probe-schedules.js';
import { ensureReconcileSchedule } from './core/temporal/reconcile-schedule.js';
import { connectionOptions } from './core/temporal/connection-options.js';
import { OutboundPolicy } from './activities/outbound/outbound-policy.js';
import { workerDeploymentOptions } from './core/temporal/worker-deployment.js';
import type { Registry } from 'prom-client';
import { createMetricsRegistry, startMetricsServer } from './core/metrics/metrics-server.js';
import { createWorkerCounters } from './core/metrics/worker-counters.js';

export const WORKFLOWS_PATH = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

export interface WorkerDependencies {
  config: AppConfig;
  orm: Orm;
  connection: NativeConnection;
  /** Activities start other workflows (the notifiers) through this client. */
  client: Client;
  channels: AlertChannels;
  /** The worker's registry: activities count repairs, alerts, deliveries and breaches in it (served by main on WORKER_METRICS_PORT). */
  metrics: Registry;
  /** Outbound destinations (webhooks); from OUTBOUND_ALLOW unless a test brings its own name server. */
  outbound?: OutboundPolicy;
  /** Tests pass a prebuilt bundle to save the bundling time. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export async function createWorker(deps: WorkerDependencies): Promise<Worker> {
  const secretBox = new SecretBox(deps.config.secretKeys.keys, deps.config.secretKeys.current);
  return Worker.create({
    connection: deps.connection,
    namespace: deps.config.temporal.namespace,
    taskQueue: deps.config.temporal.taskQueue,
    ...(deps.workflowBundle ? { workflowBundle: deps.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities({
      orm: deps.orm,
      secretBox,
      connectorFor: connectorFor(deps.config.providers),
      temporal: deps.client,
      taskQueue: deps.config.temporal.taskQueue,
      namespace: deps.config.temporal.namespace,
      alertWindowMs: deps.config.alertWindowMs,
      alertRetry: deps.config.alertRetry,
      channels: deps.channels,
      publicUrl: deps.config.publicUrl,
      linkKey: linkKeysOf(deps.config.secretKeys)[0]!,
      webhookRetryInitialMs: deps.config.webhookRetryInitialMs,
      outbound: deps.outbound ?? new OutboundPolicy(deps.config.outboundAllow),
      webhookRetryForMs: deps.config.webhookRetryForMs,
      tickets: deps.config.tickets,
      outage: deps.config.outage,
      repairTimings: deps.config.repairTimings,
      printJobTtlMs: deps.config.cloudPrinting.jobTtlMs,
      metrics: createWorkerCounters(deps.metrics),
    }),
    // Bounded cache: thousands of repairs wait for days; evicted ones replay when they wake.
    maxCachedWorkflows: deps.config.worker.maxCachedWorkflows,
    maxConcurrentWorkflowTaskExecutions: deps.config.worker.workflowTaskSlots,
    maxConcurrentActivityTaskExecutions: deps.config.worker.activitySlots,
    // TEMPORAL_DEPLOYMENT_NAME + TEMPORAL_BUILD_ID: a versioned worker of a rolling deploy (docs/deploy.md).
    ...workerDeploymentOptions(deps.config.temporal.workerDeployment),
  });
}

async function main() {
  const config = loadConfigOrExit();
  const at = config.worker.metrics;
  Runtime.install({
    // The SDK logs every bundling step at INFO; our own lines say what matters.
    logger: new DefaultLogger(config.logLevel === 'debug' ? 'DEBUG' : 'WARN'),
    // The SDK's workflow and activity metrics (task latencies, schedule-to-start, failures) are served
    // by its Rust core on a listener of its own; ours (repair_*) by prom-client on WORKER_METRICS_PORT.
    telemetryOptions: { metrics: { prometheus: { bindAddress: `${at.host.includes(':') ? `[${at.host}]` : at.host}:${at.sdkPort}` } } },
  });
  if (!config.databaseUrl) {
    console.error('DATABASE_URL is not set: start the worker through `npm run dev`, or point it at a PostgreSQL server.');
    process.exit(1);
  }
  const orm = await openOrm(config.databaseUrl, { poolMax: config.worker.databasePoolMax });
  const connection = await NativeConnection.connect(connectionOptions(config.temporal));
  const clientConnection = await Connection.connect(connectionOptions(config.temporal));
  const client = new Client({ connection: clientConnection, namespace: config.temporal.namespace });
  const metrics = createMetricsRegistry('repair-worker');
  const worker = await createWorker({ config, orm, connection, client, channels: createAlertChannels(config), metrics });
  if (config.probes.enabled) await ensureProbeSchedules(client, config);
  // Repairs whose workflow start failed are started by this sweep (activities/reconcile.activities.ts).
  await ensureReconcileSchedule(client, config);
  const metricsServer = await startMetricsServer(metrics, at);
  console.log(`worker polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address}; metrics on ${metricsServer.url}/metrics (SDK: port ${at.sdkPort})`);
  // The SDK's runtime shuts the worker down on SIGINT/SIGTERM; run() then resolves.
  await worker.run();
  await metricsServer.close();
  await clientConnection.close();
  await connection.close();
  await orm.close();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();

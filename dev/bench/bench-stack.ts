// The production shape on one machine: embedded PostgreSQL, the Temporal dev server as `npm run dev`
// runs it (the CLI, on a SQLite file: a durable server, as production's, with fairness on), the
// provider sandbox and the sinks in this process; the API and the worker each in their own process,
// started with `npm run start:api` / `start:worker`'s entry points. A second lane (its own Temporal
// server without fairness, database, API and worker) measures the same work without fairness in the
// same run, on the same PostgreSQL server, sandbox and sinks.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../embedded-postgres.js';
import { openOrm } from '../../core/db/orm.js';
import { freePort } from '../ports.js';
import { buildSandbox } from '../sandbox/app.js';
import { startMailSink } from '../sinks/mail-sink.js';
import { buildSmsSink } from '../sinks/sms-sink.js';
import { startLane, type BenchLane, type LaneOptions } from './bench-lane.js';

export { BENCH_API_KEY, type BenchLane } from './bench-lane.js';

export interface BenchStack extends BenchLane {
  mailWebPort: number;
  /** Another lane on its own Temporal server: `fairness: false` starts it without the flag. Stopped with the stack at the latest. */
  startLane(options: { label: string; fairness: boolean }): Promise<BenchLane>;
}

type StartOptions = Omit<LaneOptions, 'dataDir' | 'databaseUrl' | 'fairness' | 'sharedEnv'>;

export async function startBenchStack(options: StartOptions): Promise<BenchStack> {
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

async function bringUp(options: StartOptions, dataDir: string, teardown: (() => Promise<unknown>)[], stopAll: () => Promise<void>): Promise<BenchStack> {
  const postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres') });
  teardown.push(() => postgres.stop());
  await (await openOrm(postgres.url)).close(); // migrations, once, before either process starts

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

  const sharedEnv: Record<string, string> = {
    PROVIDER_BASE_URL: sandboxUrl,
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_FROM: '+15005550006',
    TWILIO_API_BASE_URL: smsUrl,
    SMTP_URL: `smtp://127.0.0.1:${mailPorts.smtpPort}`,
  };
  const main = await startLane({ ...options, dataDir: join(dataDir, 'main'), databaseUrl: postgres.url, fairness: true, sharedEnv });
  teardown.push(() => main.stop());

  const startAnother = async (lane: { label: string; fairness: boolean }): Promise<BenchLane> => {
    const databaseUrl = await createDatabase(postgres.url, `repair_${lane.label.replace(/\W/g, '_')}`);
    const started = await startLane({ ...options, dataDir: join(dataDir, lane.label), databaseUrl, fairness: lane.fairness, sharedEnv });
    teardown.push(() => started.stop());
    return started;
  };
  return { ...main, mailWebPort: mailPorts.webPort, startLane: startAnother, stop: stopAll };
}

/** A database of its own on the same server, migrated. */
async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = serverUrl.replace(/\/[^/]*$/, `/${name}`);
  await (await openOrm(url)).close();
  return url;
}

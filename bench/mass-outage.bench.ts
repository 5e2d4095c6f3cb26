// Mass outage: an org set with stores on connections across 5 providers; every disconnection reported
// over HTTP as fast as the API takes them. Compared with starting as many empty workflows straight
// through @temporalio/client on the same server (the practical limit here): `ingestRatio`.
// `npm run bench` (10,000 stores / 2,000 connections) or `npm run bench -- --quick` (one tenth).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { buildApp } from '../api/app.js';
import { loadConfig } from '../config/config.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { openOrm } from '../db/orm.js';
import { findTemporalCli } from '../dev/temporal-binaries.js';
import { freePort } from '../dev/ports.js';
import { buildSandbox } from '../sandbox/app.js';
import { buildSmsSink } from '../sinks/sms-sink.js';
import { startMailSink, listSunkMail } from '../sinks/mail-sink.js';
import { createAlertChannels } from '../activities/alerts/create-alert-channels.js';
import { createWorker } from '../worker.js';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes.js';
import { ruleFor } from '../providers/index.js';
import autocannon from 'autocannon';

const quick = process.argv.includes('--quick');
const STORES = quick ? 1_000 : 10_000;
const CONNECTIONS = quick ? 200 : 2_000;
const ORGS = quick ? 10 : 100;
const PROVIDERS = ['uber_eats', 'doordash', 'deliveroo', 'glovo', 'just_eat'];
const CONCURRENCY = 64;

async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 600_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} not reached in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return Date.now() - started;
}

Runtime.install({ logger: new DefaultLogger('ERROR') });
const dataDir = await mkdtemp(join(tmpdir(), 'repair-bench-'));
const pg = await startEmbeddedPostgres({ dataDir, unsafeFast: true });
const cli = findTemporalCli();
const env = await TestWorkflowEnvironment.createLocal({ server: { executable: cli ? { type: 'existing-path', path: cli } : { type: 'cached-download' }, searchAttributes: SEARCH_ATTRIBUTES, extraArgs: ['--log-level', 'error'] } });
const sandbox = buildSandbox();
const sandboxUrl = await sandbox.listen({ port: 0, host: '127.0.0.1' });
const twilio = { accountSid: 'AC0000000000000000000000000000bench', authToken: 'bench-twilio-token' };
const sms = buildSmsSink({ ...twilio, callbackDelayMs: 50 });
const smsUrl = await sms.app.listen({ port: 0, host: '127.0.0.1' });
const mailPorts = { smtpPort: await freePort(), webPort: await freePort() };
const mail = await startMailSink(mailPorts);
const apiPort = await freePort();
const config = {
  ...loadConfig({
    NODE_ENV: 'production', API_KEYS: 'bench-key-000000001:service', TEMPORAL_ADDRESS: env.address, DATA_DIR: dataDir, LOG_LEVEL: 'error',
    SECRETS_KEYS: `bench:${Buffer.alloc(32, 3).toString('base64')}`, PROVIDER_BASE_URL: sandboxUrl, PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    TWILIO_ACCOUNT_SID: twilio.accountSid, TWILIO_AUTH_TOKEN: twilio.authToken, TWILIO_FROM: '+15005550006', TWILIO_API_BASE_URL: smsUrl,
    SMTP_URL: `smtp://127.0.0.1:${mailPorts.smtpPort}`, ALERT_WINDOW_MS: '5000', PROBES_ENABLED: 'false',
  }),
  databaseUrl: pg.url,
};
const orm = await openOrm(pg.url, { poolMax: 30 });
const clientConnection = await Connection.connect({ address: env.address });
const client = new Client({ connection: clientConnection });
const native = await NativeConnection.connect({ address: env.address });
const worker = await createWorker({ config, orm, connection: native, client, channels: createAlertChannels(config) });
const running = worker.run();
const app = await buildApp({ config, orm, temporal: client }, { logger: false });
await app.listen({ port: apiPort, host: '127.0.0.1' });
const api = `http://127.0.0.1:${apiPort}`;
const headers = { authorization: 'Bearer bench-key-000000001', 'content-type': 'application/json' };
const post = async (path: string, body: unknown) => {
  const res = await fetch(api + path, { method: 'POST', headers, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; repairId?: string };
};

console.log(`setting up ${ORGS} orgs, ${STORES} stores, ${CONNECTIONS} connections…`);
const connectionIds: string[] = [];
for (let o = 0; o < ORGS; o += 1) {
  const org = await post('/v1/orgs', { name: `Bench ${o}`, locale: 'es', timezone: 'Europe/Madrid', environment: 'production' });
  const user = await post(`/v1/orgs/${org.id}/users`, { email: `bench${o}@example.com`, phone: `+3460000${String(o).padStart(4, '0')}`, permissions: ['integrations:reconnect'] });
  await fetch(`${api}/v1/orgs/${org.id}/contacts`, { method: 'PUT', headers, body: JSON.stringify({ alertContacts: [{ userId: user.id }], emergencyTechnical: [{ name: 'P', email: `p${o}@example.com` }], nonEmergencyTechnical: [{ name: 'T', email: `t${o}@example.com` }], merchantOperations: [{ name: 'O', email: `o${o}@example.com` }], platformOperations: [{ name: 'O', email: `o${o}@example.com` }], userFacingOperations: { email: `h${o}@example.com` }, supportHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '24:00', timezone: 'Europe/Madrid' }] }) });
  const brand = await post(`/v1/orgs/${org.id}/brands`, { name: 'Brand' });
  const perOrgConnections = CONNECTIONS / ORGS;
  const storesPerConnection = STORES / CONNECTIONS;
  for (let c = 0; c < perOrgConnections; c += 1) {
    const storeIds: string[] = [];
    for (let s = 0; s < storesPerConnection; s += 1) {
      const loc = await post(`/v1/orgs/${org.id}/locations`, { name: `Loc ${c}-${s}` });
      storeIds.push((await post(`/v1/orgs/${org.id}/stores`, { locationId: loc.id, brandId: brand.id })).id);
    }
    const provider = PROVIDERS[c % PROVIDERS.length]!;
    connectionIds.push((await post('/v1/connections', { orgId: org.id, provider, accountRef: `b-${o}-${c}`, storeIds })).id);
  }
}

// Baseline: as many empty workflows started straight through the client.
const baselineStart = Date.now();
await pool(connectionIds, CONCURRENCY, async (id) => {
  await client.workflow.start('workerProbeWorkflow', { taskQueue: `baseline-${process.pid}`, workflowId: `baseline-${id}`, args: [{ version: 1, sentAt: new Date().toISOString() }] });
});
const baselinePerSecond = connectionIds.length / ((Date.now() - baselineStart) / 1000);

const ingestStart = Date.now();
await pool(connectionIds, CONCURRENCY, async (id) => {
  const provider = PROVIDERS[connectionIds.indexOf(id) % PROVIDERS.length]!;
  const res = await fetch(`${api}/v1/disconnections`, { method: 'POST', headers, body: JSON.stringify({ connectionId: id, errorCode: ruleFor(provider, 'invalid_credentials')!.code }) });
  if (res.status !== 202) throw new Error(`report ${res.status}`);
});
const ingestMs = Date.now() - ingestStart;
const ingestPerSecond = connectionIds.length / (ingestMs / 1000);
const conn = orm.em.fork().getConnection();
const count = async (sql: string) => Number(((await conn.execute(sql)) as { n: number }[])[0]?.n ?? 0);
const recordedMs = ingestMs + (await until('all repairs recorded', async () => (await count('select count(*)::int as n from repairs')) >= connectionIds.length));
const alertsMs = ingestMs + (await until('grouped alerts sent', async () => (await count("select count(distinct org)::int as n from messages where channel = 'email' and template like 'action_needed%'")) >= ORGS));
const emails = await count("select count(*)::int as n from messages where channel = 'email' and template like 'action_needed%'");
const smsCount = await count("select count(*)::int as n from messages where channel = 'sms'");
const sunk = (await listSunkMail(mailPorts.webPort)).length;

const results = {
  name: 'mass-outage',
  quick,
  at: new Date().toISOString(),
  stores: STORES,
  connections: CONNECTIONS,
  orgs: ORGS,
  baselineStartsPerSecond: Math.round(baselinePerSecond),
  reportsAcceptedPerSecond: Math.round(ingestPerSecond),
  ingestRatio: Math.round((ingestPerSecond / baselinePerSecond) * 100) / 100,
  allRecordedAfterMs: recordedMs,
  groupedAlertsSentAfterMs: alertsMs,
  alertEmails: emails,
  alertEmailsPerOrg: Math.round((emails / ORGS) * 100) / 100,
  sms: smsCount,
  mailsInSink: sunk,
};
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(new URL('./results/mass-outage.json', import.meta.url), JSON.stringify(results, null, 2));
console.table(results);

// Read path with every repair open: the widget's list and one repair's detail, against /healthz.
const seconds = quick ? 3 : 10;
const anOrg = ((await (await fetch(`${api}/v1/orgs?limit=1`, { headers })).json()) as { items: { id: string }[] }).items[0]!.id;
const aRepair = ((await (await fetch(`${api}/v1/repairs?orgId=${anOrg}&limit=1`, { headers })).json()) as { items: { id: string }[] }).items[0]!.id;
const load = async (path: string) => {
  const r = await autocannon({ url: api + path, headers, connections: 16, duration: seconds });
  return { requestsPerSecond: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors + r.non2xx };
};
const healthz = await load('/healthz');
const list = await load(`/v1/repairs?orgId=${anOrg}`);
const detail = await load(`/v1/repairs/${aRepair}`);
const readPath = {
  name: 'read-path',
  quick,
  at: new Date().toISOString(),
  openRepairs: connectionIds.length,
  healthz,
  list: { ...list, rpsRatioToHealthz: Math.round((list.requestsPerSecond / healthz.requestsPerSecond) * 100) / 100 },
  detail: { ...detail, rpsRatioToHealthz: Math.round((detail.requestsPerSecond / healthz.requestsPerSecond) * 100) / 100 },
};
await writeFile(new URL('./results/read-path.json', import.meta.url), JSON.stringify(readPath, null, 2));
console.table({ healthz, list, detail });

// At rest: resident memory of the process running the API and the worker, every repair waiting.
const atRest = { name: 'at-rest', quick, openRepairs: connectionIds.length, residentMemoryMb: Math.round(process.memoryUsage().rss / 1048576), heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1048576) };
await writeFile(new URL('./results/at-rest.json', import.meta.url), JSON.stringify(atRest, null, 2));
console.table(atRest);

await app.close();
worker.shutdown();
await running;
await native.close();
await clientConnection.close();
await orm.close();
await sandbox.close();
await sms.app.close();
await mail.stop();
await env.teardown();
await pg.stop();
await rm(dataDir, { recursive: true, force: true });
process.exit(0);

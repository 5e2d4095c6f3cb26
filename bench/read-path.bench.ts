// Read path alone: GET /v1/repairs?orgId= (the widget's list) and GET /v1/repairs/:id under load,
// with every repair open, against /healthz of the same process. Rows are written straight in SQL,
// so no Temporal server is needed: the read routes never call it.
// `node --import tsx bench/read-path.bench.ts` (10,000 repairs / 100 orgs) or `-- --quick` (one tenth).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import autocannon from 'autocannon';
import { buildApp } from '../api/app.js';
import { loadConfig } from '../config/config.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { openOrm } from '../db/orm.js';

const quick = process.argv.includes('--quick');
const REPAIRS = quick ? 1_000 : 10_000;
const ORGS = quick ? 10 : 100;
const STORES_PER_CONNECTION = 5;
const EVENTS_PER_REPAIR = 3;
const SECONDS = quick ? 3 : 10;
const CONNECTIONS = 10;
const API_KEY = 'bench-key-000000001';

const dataDir = await mkdtemp(join(tmpdir(), 'repair-read-bench-'));
const pg = await startEmbeddedPostgres({ dataDir, unsafeFast: true });
const orm = await openOrm(pg.url, { poolMax: 10 });
const sql = orm.em.fork().getConnection();

// One connection (and one open repair) per account; each connection serves 5 stores, one location each.
console.log(`seeding ${ORGS} orgs, ${REPAIRS} open repairs, ${REPAIRS * STORES_PER_CONNECTION} stores…`);
const perOrg = REPAIRS / ORGS;
const seed = [
  `insert into orgs (id, name, locale, timezone, environment, created_at)
     select 'org_bench' || o, 'Bench ' || o, 'es', 'Europe/Madrid', 'production', now() from generate_series(0, ${ORGS - 1}) o`,
  `insert into brands (id, org_id, name, created_at) select 'brd_bench' || o, 'org_bench' || o, 'Brand ' || o, now() from generate_series(0, ${ORGS - 1}) o`,
  `insert into locations (id, org_id, name, timezone, created_at)
     select 'loc_bench' || s, 'org_bench' || (s / ${STORES_PER_CONNECTION * perOrg}), 'Loc ' || s, 'Europe/Madrid', now() from generate_series(0, ${REPAIRS * STORES_PER_CONNECTION - 1}) s`,
  `insert into stores (id, org_id, location_id, brand_id, sales_profile, created_at)
     select 'sto_bench' || s, 'org_bench' || (s / ${STORES_PER_CONNECTION * perOrg}), 'loc_bench' || s, 'brd_bench' || (s / ${STORES_PER_CONNECTION * perOrg}),
            case when s % 2 = 0 then jsonb_build_object(p.provider, jsonb_build_object('ordersPerHour', 6, 'averageOrderValue', 21.5, 'currency', 'EUR')) end, now()
     from generate_series(0, ${REPAIRS * STORES_PER_CONNECTION - 1}) s
     cross join lateral (select (array['uber_eats','doordash','deliveroo','glovo','just_eat'])[(s / ${STORES_PER_CONNECTION}) % 5 + 1] as provider) p`,
  `insert into connections (id, org_id, provider, account_ref, self_repairable, status, store_ids, created_at, updated_at)
     select 'con_bench' || c, 'org_bench' || (c / ${perOrg}), (array['uber_eats','doordash','deliveroo','glovo','just_eat'])[c % 5 + 1], 'acct-' || c, true, 'needs_attention',
            (select jsonb_agg('sto_bench' || (c * ${STORES_PER_CONNECTION} + k) order by k) from generate_series(0, ${STORES_PER_CONNECTION - 1}) k), now(), now()
     from generate_series(0, ${REPAIRS - 1}) c`,
  `insert into repairs (id, workflow_id, org_id, connection_id, provider, account_ref, store_ids, state, error_code, error_message, error_type, resolution,
                        attempts, last_outcome, opened_at, updated_at)
     select 'rep_bench' || c.n, 'repair-con_bench' || c.n, c.org_id, c.id, c.provider, c.account_ref, c.store_ids, 'awaiting_credentials', 'AUTH.INVALID_CREDENTIALS',
            'The credentials were rejected', 'invalid_credentials', 'credentials', 1, 'invalid_credentials',
            now() - (c.n % 600) * interval '1 minute', now() - (c.n % 300) * interval '1 minute'
     from (select id, org_id, provider, account_ref, store_ids, substr(id, 10)::int as n from connections) c`,
  `insert into repair_events (id, repair_id, at, kind, outcome, error_type, error_code)
     select r.id || '-ev' || e, r.id, r.opened_at + e * interval '1 second', (array['reported','attempted','reminded'])[e + 1], 'invalid_credentials', 'invalid_credentials', 'AUTH.INVALID_CREDENTIALS'
     from repairs r cross join generate_series(0, ${EVENTS_PER_REPAIR - 1}) e`,
  `insert into notification_intents (id, repair_id, org_id, kind, status, created_at)
     select r.id || '-ni', r.id, r.org_id, 'action_needed', 'delivered', r.opened_at from repairs r`,
  // The alert log: one grouped e-mail per org naming all its repairs, one SMS per repair.
  `insert into messages (id, idempotency_key, org, repair_ids, channel, recipient, template, locale, status, created_at, updated_at)
     select 'msg_bench' || o, 'bench-mail-' || o, 'org_bench' || o, (select jsonb_agg(id) from repairs where org_id = 'org_bench' || o), 'email', 'ops' || o || '@example.com',
            'action_needed', 'es', 'delivered', now(), now() from generate_series(0, ${ORGS - 1}) o`,
  `insert into messages (id, idempotency_key, org, repair_ids, channel, recipient, template, locale, status, created_at, updated_at)
     select 'msg_' || r.id, 'bench-sms-' || r.id, r.org_id, jsonb_build_array(r.id), 'sms', '+34600000000', 'action_needed_sms', 'es', 'delivered', r.opened_at, r.opened_at from repairs r`,
  'analyze',
];
for (const statement of seed) await sql.execute(statement);

const config = {
  ...loadConfig({
    NODE_ENV: 'production', API_KEYS: `${API_KEY}:service`, TEMPORAL_ADDRESS: '127.0.0.1:1', DATA_DIR: dataDir, LOG_LEVEL: 'error',
    SECRETS_KEYS: `bench:${Buffer.alloc(32, 3).toString('base64')}`, PUBLIC_URL: 'http://127.0.0.1', PROBES_ENABLED: 'false',
    TWILIO_ACCOUNT_SID: 'AC0000000000000000000000000000bench', TWILIO_AUTH_TOKEN: 'bench-twilio-token', TWILIO_FROM: '+15005550006',
    TWILIO_API_BASE_URL: 'http://127.0.0.1:1', SMTP_URL: 'smtp://127.0.0.1:1',
  }),
  databaseUrl: pg.url,
};
// A client that never connects: nothing on the read path may call Temporal.
const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
const app = await buildApp({ config, orm, temporal }, { logger: false });
const api = await app.listen({ port: 0, host: '127.0.0.1' });
const headers = { authorization: `Bearer ${API_KEY}` };

const anOrg = `org_bench${Math.floor(ORGS / 2)}`;
const aRepair = `rep_bench${Math.floor(REPAIRS / 2) + 1}`;
for (const path of [`/v1/repairs?orgId=${anOrg}`, `/v1/repairs/${aRepair}`]) {
  const res = await fetch(api + path, { headers });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

const load = async (path: string) => {
  const r = await autocannon({ url: api + path, headers, connections: CONNECTIONS, pipelining: 1, duration: SECONDS });
  return { requestsPerSecond: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors + r.non2xx };
};
const healthz = await load('/healthz');
const list = await load(`/v1/repairs?orgId=${anOrg}`);
const detail = await load(`/v1/repairs/${aRepair}`);
const ratio = (n: number) => Math.round((n / healthz.requestsPerSecond) * 100) / 100;
const results = {
  name: 'read-path',
  quick,
  at: new Date().toISOString(),
  openRepairs: REPAIRS,
  healthz: { ...healthz, rpsRatioToHealthz: 1 },
  list: { ...list, rpsRatioToHealthz: ratio(list.requestsPerSecond) },
  detail: { ...detail, rpsRatioToHealthz: ratio(detail.requestsPerSecond) },
};
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(new URL('./results/read-path.json', import.meta.url), JSON.stringify(results, null, 2));
console.table({ healthz: results.healthz, list: results.list, detail: results.detail });

await app.close();
await orm.close();
await pg.stop();
await rm(dataDir, { recursive: true, force: true });
process.exit(0);

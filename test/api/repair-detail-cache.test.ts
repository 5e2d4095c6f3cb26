// GET /v1/repairs/:repairId keeps its answers between requests under the organization's read
// revision. Every table the list and the detail read must move that revision when written (checked
// against the statements' own text, so a table added to them later without a trigger fails here),
// and over a real socket each committed write shows in the next answer.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApi, type TestApi } from '../helpers/api.js';
import { createMetricsRegistry } from '../../core/metrics/metrics-server.js';
import { readRepairDetail, readRepairListPageText } from '../../core/services/repairs/repair-reads.js';

let api: TestApi;
let base: string;
let db: pg.Client;
const metrics = createMetricsRegistry('repair-api');
const ORG = 'org_detailcache';
const REPAIR = 'rep_dc1';
const USER = 'usr_dc1';

const detail = async (query = '') => {
  const res = await fetch(`${base}/v1/repairs/${REPAIR}${query}`, { headers: auth() });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown> & { state: string; history: { kind: string }[]; stores: { location: { name: string } }[]; allowedActions: string[]; help: { locale: string }; lostSales: { ordersLost: number } | null };
};
const answers = async () => {
  const values = (await metrics.getSingleMetric('repair_read_answers_total')!.get()).values.filter((v) => v.labels.route === '/v1/repairs/:repairId');
  return Object.fromEntries(values.map((v) => [v.labels.answer, v.value])) as { kept: number; read: number };
};
const revision = async () => (await db.query<{ revision: string }>('select revision::text from read_revisions where org_id = $1', [ORG])).rows[0]?.revision;

/** The tables named in SQL text (`from x`, `join "x"`), without set-returning functions or `extract(epoch from x.y)`. */
const tablesIn = (texts: string[]) =>
  [...texts.join('\n').matchAll(/\b(?:from|join)\s+"?([a-z_]+)\b"?(?![.(]|\s*\()/g)].map((m) => m[1]!).filter((t) => t !== 'lateral' && t !== 'read_revisions');

/** The tables a hand-written statement reads (its text, caught on the way to PostgreSQL). */
async function statementTables(read: (em: never) => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const connection = { query: async (q: { text: string }) => (texts.push(q.text), { rows: [] }) };
  const em = { getTransactionContext: () => undefined, getConnection: () => ({ getKnex: () => ({ client: { acquireConnection: async () => connection, releaseConnection: async () => {} } }) }) };
  await read(em as never);
  return tablesIn(texts);
}

/** The tables the ORM queries while `run` goes (the detail's view reads contacts and connections through it). */
async function ormTables(run: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const knex = api.db.orm.em.getConnection().getKnex();
  const heard = (q: { sql: string }) => texts.push(q.sql);
  knex.on('query', heard);
  try {
    await run();
  } finally {
    knex.off('query', heard);
  }
  return tablesIn(texts);
}

beforeAll(async () => {
  api = await createTestApi({}, { metrics });
  base = await api.app.listen({ port: 0, host: '127.0.0.1' });
  db = new pg.Client({ connectionString: api.db.url });
  await db.connect();
  const q = (text: string, values: unknown[] = []) => db.query(text, values);
  await q(`insert into orgs (id, name, locale, timezone, environment, created_at) values ($1, 'Detail', 'es', 'Europe/Madrid', 'production', now())`, [ORG]);
  await q(`insert into users (id, org_id, email, locale, permissions, created_at) values ($1, $2, 'owner@example.com', null, '["integrations:view", "integrations:reconnect"]', now())`, [USER, ORG]);
  await q(`insert into brands (id, org_id, name, created_at) values ('brd_dc', $1, 'Brand', now())`, [ORG]);
  await q(`insert into locations (id, org_id, name, timezone, created_at) values ('loc_dc', $1, 'Centro', 'Europe/Madrid', now())`, [ORG]);
  await q(`insert into stores (id, org_id, location_id, brand_id, sales_profile, created_at) values ('sto_dc', $1, 'loc_dc', 'brd_dc', '{"uber_eats": {"ordersPerHour": 3600000, "averageOrderValue": 1, "currency": "EUR"}}', now())`, [ORG]);
  await q(`insert into connections (id, org_id, provider, account_ref, self_repairable, status, store_ids, created_at, updated_at) values ('con_dc', $1, 'uber_eats', 'acct', true, 'needs_attention', '["sto_dc"]', now(), now())`, [ORG]);
  await q(
    `insert into repairs (id, workflow_id, org_id, connection_id, provider, account_ref, store_ids, state, error_type, resolution, attempts, opened_at, updated_at)
     values ($1, 'repair-con_dc', $2, 'con_dc', 'uber_eats', 'acct', '["sto_dc"]', 'awaiting_credentials', 'invalid_credentials', 'reconnect', 0, now() - interval '1 hour', now())`,
    [REPAIR, ORG],
  );
  await q(
    `insert into notifications (id, idempotency_key, org, repair_ids, channel, recipient, template, locale, status, created_at, updated_at)
     values ('msg_dc', 'msg_dc', $1, $2, 'email', 'owner@example.com', 'action_needed', 'es', 'sent', now(), now())`,
    [ORG, JSON.stringify([REPAIR])],
  );
  await q(
    `insert into org_contacts (org_id, alert_contacts, emergency_technical, non_emergency_technical, merchant_operations, platform_operations, support_hours, missing, updated_at)
     values ($1, '[]', '[]', '[]', '[]', '[]', '[]', '["alertContacts"]', now())`,
    [ORG],
  );
});
afterAll(async () => {
  await db?.end();
  await api?.close();
});

describe('what the kept answers are checked against', () => {
  it('has every table that the list and the detail read move the organization\'s read revision', async () => {
    // An intent held back for missing contacts: the view then also reads the contacts (and, through them, the connections).
    await db.query(`insert into notification_intents (id, repair_id, org_id, kind, status, reason, created_at) values ('int_dc_blocked', $1, $2, 'action_needed', 'suppressed', 'contacts_incomplete', now())`, [REPAIR, ORG]);
    const viewed = await ormTables(() => detail('?locale=en'));
    const read = [
      ...(await statementTables((em) => readRepairDetail(em, REPAIR, USER))),
      ...(await statementTables((em) => readRepairListPageText(em, ORG, { limit: 100, offset: 0 }))),
      ...viewed,
    ];
    const tables = [...new Set(read)];
    expect(tables).toEqual(expect.arrayContaining(['repairs', 'repair_events', 'notification_intents', 'notifications', 'stores', 'locations', 'brands', 'orgs', 'users', 'org_contacts', 'connections']));
    const triggered = (await db.query<{ table: string }>(`select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname = c.relname || '_read_revision'`)).rows.map((r) => r.table);
    expect(tables.filter((t) => !triggered.includes(t))).toEqual([]);
  });

  it('moves the revision on a committed write to each of those tables, once per transaction', async () => {
    const writes: [string, string][] = [
      ['repairs', `update repairs set attempts = attempts where org_id = '${ORG}'`],
      ['repair_events', `insert into repair_events (id, repair_id, at, kind) values ('evt_dc_' || md5(random()::text), '${REPAIR}', now(), 'note')`],
      ['notification_intents', `insert into notification_intents (id, repair_id, org_id, kind, created_at) values ('int_dc_' || md5(random()::text), '${REPAIR}', '${ORG}', 'action_needed', now())`],
      ['stores', `update stores set org_id = org_id where org_id = '${ORG}'`],
      ['locations', `update locations set org_id = org_id where org_id = '${ORG}'`],
      ['brands', `update brands set org_id = org_id where org_id = '${ORG}'`],
      ['users', `update users set org_id = org_id where org_id = '${ORG}'`],
      ['notifications', `update notifications set org = org where org = '${ORG}'`],
      ['org_contacts', `update org_contacts set org_id = org_id where org_id = '${ORG}'`],
      ['orgs', `update orgs set name = name where id = '${ORG}'`],
    ];
    const writer = new pg.Client({ connectionString: api.db.url });
    await writer.connect();
    try {
      for (const [table, sql] of writes) {
        const before = await revision();
        // This backend's pending counts (earlier transactions' too, until flushed outside a transaction): compared within this one.
        const rowsWritten = async () => Number((await writer.query<{ n: string }>(`select coalesce(sum(n_tup_ins + n_tup_upd), 0)::text as n from pg_stat_xact_user_tables where relname = 'read_revisions'`)).rows[0]!.n);
        await writer.query('begin');
        const atBegin = await rowsWritten();
        await writer.query(sql);
        await writer.query(sql);
        // The deferred triggers run now, still inside the transaction: the revision's row is written once.
        await writer.query('set constraints all immediate');
        expect((await rowsWritten()) - atBegin, `${table}: once per transaction`).toBe(1);
        expect(await revision(), `${table}: not before the commit`).toBe(before);
        await writer.query('commit');
        expect(await revision(), table).not.toBe(before);
      }
    } finally {
      await writer.end();
    }
  });
});

describe('the repair detail between writes', () => {
  it('answers again from memory while nothing was written, and shows each committed write in the next answer', async () => {
    const first = await detail(`?actingUserId=${USER}`);
    const before = await answers();
    const again = await detail(`?actingUserId=${USER}`);
    expect({ ...again, lostSales: null }).toEqual({ ...first, lostSales: null });
    expect(await answers()).toEqual({ kept: before.kept + 1, read: before.read });

    await db.query(`insert into repair_events (id, repair_id, at, kind) values ('evt_dc_new', $1, now(), 'reported_again')`, [REPAIR]);
    expect((await detail(`?actingUserId=${USER}`)).history.map((e) => e.kind)).toContain('reported_again');

    await db.query(`update locations set name = 'Centro Norte' where id = 'loc_dc'`);
    expect((await detail(`?actingUserId=${USER}`)).stores[0]?.location.name).toBe('Centro Norte');

    // The acting user loses the permission to reconnect: the actions change with it.
    expect((await detail(`?actingUserId=${USER}`)).allowedActions).toContain('submit_credentials');
    await db.query(`update users set permissions = '["integrations:view"]' where id = $1`, [USER]);
    expect((await detail(`?actingUserId=${USER}`)).allowedActions).not.toContain('submit_credentials');

    expect((await detail()).help.locale).toBe('es');
    await db.query(`update orgs set locale = 'fr' where id = $1`, [ORG]);
    expect((await detail()).help.locale).toBe('fr');
  });

  it('keeps apart what differs by acting user and locale', async () => {
    // A user without the permission to view is refused, though another user's answer is kept.
    await db.query(`insert into users (id, org_id, email, permissions, created_at) values ('usr_dc2', $1, 'clerk@example.com', '[]', now())`, [ORG]);
    await detail(`?actingUserId=${USER}`);
    await detail(`?actingUserId=${USER}`);
    expect((await fetch(`${base}/v1/repairs/${REPAIR}?actingUserId=usr_dc2`, { headers: auth() })).status).toBe(403);
    expect((await detail('?locale=it')).help.locale).toBe('it');
    expect((await detail('?locale=pt')).help.locale).toBe('pt');
    const res = await fetch(`${base}/v1/repairs/${REPAIR}?actingUserId=usr_nosuchuser`, { headers: auth() });
    expect(res.status).toBe(404);
  });

  it('counts the lost sales at each answer, also from a kept answer', async () => {
    const first = (await detail()).lostSales!.ordersLost;
    const kept = (await answers()).kept;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = (await detail()).lostSales!.ordersLost;
    expect((await answers()).kept).toBe(kept + 1);
    expect(second).toBeGreaterThan(first);
  });

  it('answers 404 once the repair is gone', async () => {
    await detail();
    await db.query('begin');
    await db.query(`delete from repair_events where repair_id = $1`, [REPAIR]);
    await db.query(`delete from notification_intents where repair_id = $1`, [REPAIR]);
    await db.query(`delete from repairs where id = $1`, [REPAIR]);
    await db.query('commit');
    const res = await fetch(`${base}/v1/repairs/${REPAIR}`, { headers: auth() });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

// GET /v1/repairs keeps its pages between answers: over a real socket, every committed write to the
// organization's repairs or stores (from any connection, as the worker writes) shows in the next
// answer, an uncommitted one does not, and lost sales still count the hours of each answer.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApi, type TestApi } from '../helpers/api.js';
import { createMetricsRegistry } from '../../core/metrics/metrics-server.js';

let api: TestApi;
let base: string;
let db: pg.Client;
const metrics = createMetricsRegistry('repair-api');
const ORG = 'org_listcache0';

const list = async (query = '') => {
  const res = await fetch(`${base}/v1/repairs?orgId=${ORG}${query}`, { headers: auth() });
  expect(res.status).toBe(200);
  return (await res.json()) as { items: { id: string; state: string; attempts: number; lostSales: { ordersLost: number; ordersPerHour: number } | null }[] };
};
const pagesAnswered = async () => {
  const values = (await metrics.getSingleMetric('repair_read_answers_total')!.get()).values.filter((v) => v.labels.route === '/v1/repairs');
  return Object.fromEntries(values.map((v) => [v.labels.answer, v.value])) as { kept: number; read: number };
};
const insertRepair = (id: string, storeId: string, openedAt = 'now()') =>
  db.query(
    `insert into repairs (id, workflow_id, org_id, connection_id, provider, account_ref, store_ids, state, attempts, opened_at, updated_at)
     values ($1, $2, $3, $4, 'uber_eats', 'acct', $5, 'awaiting_credentials', 0, ${openedAt}, now())`,
    [id, `repair-${id}`, ORG, `con_${id}`, JSON.stringify([storeId])],
  );

beforeAll(async () => {
  api = await createTestApi({}, { metrics });
  base = await api.app.listen({ port: 0, host: '127.0.0.1' });
  db = new pg.Client({ connectionString: api.db.url });
  await db.connect();
  await db.query(`insert into orgs (id, name, locale, timezone, environment, created_at) values ($1, 'Cache', 'es', 'Europe/Madrid', 'production', now())`, [ORG]);
  await db.query(`insert into brands (id, org_id, name, created_at) values ('brd_listcache', $1, 'Brand', now())`, [ORG]);
  for (const n of [1, 2, 3]) {
    await db.query(`insert into locations (id, org_id, name, timezone, created_at) values ($1, $2, 'Loc', 'Europe/Madrid', now())`, [`loc_lc${n}`, ORG]);
    await db.query(`insert into stores (id, org_id, location_id, brand_id, sales_profile, created_at) values ($1, $2, $3, 'brd_listcache', null, now())`, [`sto_lc${n}`, ORG, `loc_lc${n}`]);
    await db.query(`insert into connections (id, org_id, provider, account_ref, self_repairable, status, store_ids, created_at, updated_at) values ($1, $2, 'uber_eats', $1, true, 'needs_attention', $3, now(), now())`, [
      `con_rep_lc${n}`, ORG, JSON.stringify([`sto_lc${n}`]),
    ]);
  }
  await insertRepair('rep_lc1', 'sto_lc1', "now() - interval '2 hours'");
});
afterAll(async () => {
  await db?.end();
  await api?.close();
});

describe('the repair list between writes', () => {
  it('answers a page again from memory while nothing was written, and reads it afresh after each committed write', async () => {
    const first = await list();
    const before = await pagesAnswered();
    expect(await list()).toEqual(first);
    expect(await pagesAnswered()).toEqual({ kept: before.kept + 1, read: before.read });

    // A write from another connection, as the worker's activities write: the state changes.
    await db.query(`update repairs set state = 'verifying', attempts = 1 where id = 'rep_lc1'`);
    expect((await list()).items[0]).toMatchObject({ id: 'rep_lc1', state: 'verifying', attempts: 1 });
    expect((await pagesAnswered()).read).toBe(before.read + 1);

    // A new repair of the organization joins the page.
    await insertRepair('rep_lc2', 'sto_lc2');
    expect((await list()).items.map((i) => i.id)).toEqual(['rep_lc2', 'rep_lc1']);

    // A store's sales profile changes the lost sales of its repair.
    await db.query(`update stores set sales_profile = '{"uber_eats": {"ordersPerHour": 4, "averageOrderValue": 20, "currency": "EUR"}}' where id = 'sto_lc1'`);
    expect((await list()).items.find((i) => i.id === 'rep_lc1')?.lostSales?.ordersPerHour).toBe(4);

    // A repair removed leaves the page.
    await db.query(`delete from repairs where id = 'rep_lc2'`);
    expect((await list()).items.map((i) => i.id)).toEqual(['rep_lc1']);
  });

  it('does not show a write before it commits', async () => {
    await list();
    const writer = new pg.Client({ connectionString: api.db.url });
    await writer.connect();
    try {
      await writer.query('begin');
      await writer.query(`update repairs set state = 'awaiting_support' where id = 'rep_lc1'`);
      expect((await list()).items[0]?.state).not.toBe('awaiting_support');
      await writer.query('commit');
      expect((await list()).items[0]?.state).toBe('awaiting_support');
    } finally {
      await writer.end();
    }
  });

  it('counts the lost sales of an open repair at each answer, also from a kept page', async () => {
    // 3.6 million orders an hour: a thousand a second, so two answers a few milliseconds apart differ.
    await db.query(`update stores set sales_profile = '{"uber_eats": {"ordersPerHour": 3600000, "averageOrderValue": 1, "currency": "EUR"}}' where id = 'sto_lc1'`);
    const lostAt = async () => (await list()).items.find((i) => i.id === 'rep_lc1')!.lostSales!.ordersLost;
    const first = await lostAt();
    const kept = (await pagesAnswered()).kept;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await lostAt();
    expect((await pagesAnswered()).kept).toBe(kept + 1);
    expect(second).toBeGreaterThan(first);
  });

  it('keeps each filter and page apart', async () => {
    const open = await list('&state=open');
    const closed = await list('&state=closed');
    expect(open.items.map((i) => i.id)).toEqual(['rep_lc1']);
    expect(closed.items).toEqual([]);
    expect((await list('&limit=1&offset=1')).items).toEqual([]);
  });

  it('answers 404 for an organization that does not exist, also once its page was kept', async () => {
    const res = await fetch(`${base}/v1/repairs?orgId=org_nosuchorg0`, { headers: auth() });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    await db.query(`insert into orgs (id, name, locale, timezone, environment, created_at) values ('org_listcache9', 'Gone', 'es', 'Europe/Madrid', 'production', now())`);
    const page = () => fetch(`${base}/v1/repairs?orgId=org_listcache9`, { headers: auth() });
    expect((await page()).status).toBe(200);
    const kept = (await pagesAnswered()).kept;
    expect((await page()).status).toBe(200);
    expect((await pagesAnswered()).kept).toBe(kept + 1);
    await db.query(`delete from orgs where id = 'org_listcache9'`);
    expect((await page()).status).toBe(404);
  });
});

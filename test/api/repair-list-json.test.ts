// GET /v1/repairs answers with JSON that PostgreSQL writes; it must read exactly as the JavaScript
// reference (repairList over readRepairsOfOrg's rows, lostSalesOf's formula and rounding) would.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepairListPageText, type RepairListFilter, type RepairListPageFilter } from '../../core/services/repairs/repair-reads.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { renderPage, splitPage } from '../../core/services/repairs/repair-list-page.js';
import { readRepairsOfOrg, repairList } from '../helpers/repair-list-reference.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/** The list's answer as the API composes it from PostgreSQL's page (kept or not), read afresh. */
async function readRepairListJson(em: EntityManager, orgId: string, filter: RepairListPageFilter & { now: Date }): Promise<string | null> {
  const text = await readRepairListPageText(em, orgId, filter);
  return text && renderPage(splitPage(text), filter.now);
}

let db: TestDatabase;
const ORG = 'org_listjson0';
const NOW = new Date('2026-11-23T12:00:00.123Z');

// A small deterministic generator, so a failure can be replayed.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
// Halves, thirds and binary-inexact decimals, negative ones too: where float rounding and numeric rounding part ways.
const awkward = () => pick([0.125, -0.125, 1.005, 2.675, -2.5, 0.5, 1 / 3, 0.1 + 0.2, 6, 21.5, 1e-9, 12345.675, -0.005, 0]);

beforeAll(async () => {
  db = await createTestDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const q = (text: string, values: unknown[] = []) => client.query(text, values);
  await q(`insert into orgs (id, name, locale, timezone, environment, created_at) values ($1, 'List', 'es', 'Europe/Madrid', 'production', now()), ('org_listjson1', 'Other', 'es', 'Europe/Madrid', 'production', now())`, [ORG]);
  await q(`insert into brands (id, org_id, name, created_at) values ('brd_listjson', $1, 'Brand', now())`, [ORG]);
  const providers = ['uber_eats', 'deliveroo', 'glovo', 'not_in_catalogue'];
  for (let c = 0; c < 60; c++) {
    const provider = pick(providers);
    const storeIds: string[] = [];
    for (let k = 0; k < 1 + (c % 4); k++) {
      const id = `sto_lj${c}_${k}`;
      storeIds.push(id);
      const profile = random() < 0.2 ? null
        : random() < 0.1 ? { [provider]: { ordersPerHour: awkward(), currency: 'EUR' } } // no averageOrderValue: NaN in JavaScript
        : { [provider]: { ordersPerHour: random() < 0.5 ? awkward() : Math.round(random() * 1e5) / 1e3, averageOrderValue: random() < 0.5 ? awkward() : Math.round(random() * 1e4) / 1e2, ...(random() < 0.8 ? { currency: pick(['EUR', 'GBP']) } : {}) }, other: { ordersPerHour: 99, averageOrderValue: 99, currency: 'USD' } };
      await q(`insert into locations (id, org_id, name, timezone, created_at) values ($1, $2, $3, 'Europe/Madrid', now())`, [`loc_lj${c}_${k}`, ORG, `Loc ${c}`]);
      await q(`insert into stores (id, org_id, location_id, brand_id, sales_profile, created_at) values ($1, $2, $3, 'brd_listjson', $4, now())`, [id, ORG, `loc_lj${c}_${k}`, profile && JSON.stringify(profile)]);
    }
    // A store named twice counts twice, as in the JavaScript sums.
    if (c % 7 === 0) storeIds.push(storeIds[0]!);
    await q(`insert into connections (id, org_id, provider, account_ref, self_repairable, status, store_ids, created_at, updated_at) values ($1, $2, $3, $4, true, 'needs_attention', $5, now(), now())`, [
      `con_lj${c}`, ORG, provider, `acct "${c}" \\ é ✓ \u0001\n`, JSON.stringify(storeIds),
    ]);
    const resolved = c % 5 === 0;
    // Microseconds in the timestamps: the answers show milliseconds and count hours from them.
    const openedAt = `2026-11-${String(10 + (c % 13)).padStart(2, '0')} ${String(c % 24).padStart(2, '0')}:${String((c * 7) % 60).padStart(2, '0')}:${String((c * 13) % 60).padStart(2, '0')}.${String(Math.floor(random() * 1e6)).padStart(6, '0')}+00`;
    await q(
      `insert into repairs (id, workflow_id, org_id, connection_id, provider, account_ref, store_ids, state, error_code, error_type, cause, resolution, attempts, last_outcome, opened_at, updated_at, resolved_at, outcome)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::timestamptz, $15::timestamptz + interval '1 hour', $16, $17)`,
      [
        `rep_lj${String(c).padStart(3, '0')}`, `repair-con_lj${c}`, ORG, `con_lj${c}`, provider, `acct "${c}" \\ é ✓ \u0001\n`, JSON.stringify(storeIds),
        resolved ? pick(['healthy', 'repaired_elsewhere']) : pick(['awaiting_credentials', 'verifying', 'awaiting_support']), c % 3 ? 'AUTH.INVALID_CREDENTIALS' : null, c % 3 ? 'invalid_credentials' : null,
        c % 4 ? null : 'store "closed"', 'credentials', c % 6, c % 2 ? 'invalid_credentials' : null, openedAt,
        resolved ? `2026-11-23 0${c % 10}:00:00.999999+00` : null, resolved ? 'repaired' : null,
      ],
    );
  }
  // Two repairs opened at the same instant: the id breaks the tie.
  await q(`update repairs set opened_at = (select opened_at from repairs where id = 'rep_lj001') where id = 'rep_lj002'`);
  await q('analyze');
  await client.end();
});
afterAll(async () => db?.close());

const both = async (filter: RepairListFilter & { sort?: 'opened_at' | 'lost_revenue' }, orgId = ORG) => {
  const em = db.orm.em.fork();
  const rows = await readRepairsOfOrg(em, orgId, filter);
  const json = await readRepairListJson(em, orgId, { ...filter, now: NOW });
  return { expected: rows && JSON.stringify(repairList(rows, NOW, filter.sort)), json };
};

describe('the repair list written by PostgreSQL', () => {
  it('reads exactly as the JavaScript reference, for every filter, sort and page', async () => {
    let compared = 0;
    for (const state of [undefined, 'open', 'closed', 'healthy', 'verifying']) {
      for (const sort of [undefined, 'opened_at', 'lost_revenue'] as const) {
        for (const [limit, offset] of [[100, 0], [7, 3], [500, 55], [1, 0]] as const) {
          const { expected, json } = await both({ state, sort, limit, offset });
          expect(json, `${state} ${sort} ${limit} ${offset}`).toBe(expected);
          compared += JSON.parse(json!).items.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('carries lost sales through the awkward cases', async () => {
    const { json } = await both({ limit: 100, offset: 0 });
    const items = JSON.parse(json!).items as { lostSales: { revenuePerHour: number | null; currency: string | null } | null }[];
    expect(items.some((i) => i.lostSales === null)).toBe(true);
    expect(items.some((i) => i.lostSales?.revenuePerHour === null)).toBe(true);
    expect(items.some((i) => i.lostSales?.currency === null)).toBe(true);
    expect(items.filter((i) => (i.lostSales?.revenuePerHour ?? 0) !== 0).length).toBeGreaterThan(20);
  });

  it('answers an empty list for an organization without repairs, and null for no organization', async () => {
    expect((await both({ limit: 100, offset: 0 }, 'org_listjson1')).json).toBe('{"items":[]}');
    expect((await both({ limit: 100, offset: 0 }, 'org_nosuchorg')).json).toBeNull();
  });
});

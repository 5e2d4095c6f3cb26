// The repair list computed the plain way, as the reference that the list PostgreSQL writes
// (readRepairListJson in test/api/repair-list-json.test.ts) is held to: rows read with the shared summary columns, lost sales by
// lostSalesOf, sorted in JavaScript.
import type { EntityManager } from '@mikro-orm/postgresql';
import { runStatement, statement } from '../../core/db/prepared-statement.js';
import { CLOSED, OPEN, SUMMARY, type RepairListFilter, type RepairRecord } from '../../core/services/repairs/repair-reads.js';
import { repairLostSales, repairSummary } from '../../api/views/repair-view.js';

const profilesOf = `left join lateral (
  select coalesce(json_agg(s.sales_profile -> r.provider order by ids.n), '[]') as profiles
  from jsonb_array_elements_text(r.store_ids) with ordinality ids(id, n)
  cross join lateral (select s.sales_profile from stores s where s.id = ids.id offset 0) s
  where s.sales_profile ? r.provider
) st on true`;

// The org row decides 404 in the same round trip: no row at all means no such organization.
const listOf = (filter: string) =>
  statement(`select o.id as "orgId", x.* from orgs o left join lateral (
    select ${SUMMARY}, st.profiles as "salesProfiles" from repairs r ${profilesOf}
    where r.org_id = o.id${filter} order by r.opened_at desc, r.id asc limit $2 offset $3
  ) x on true where o.id = $1`);
const LIST = { all: listOf(''), open: listOf(` and ${OPEN}`), closed: listOf(` and ${CLOSED}`), state: listOf(' and r.state = $4') };

/** An organization's repairs, newest first; null when there is no such organization. */
export async function readRepairsOfOrg(em: EntityManager, orgId: string, filter: RepairListFilter): Promise<RepairRecord[] | null> {
  const { state, limit, offset } = filter;
  const query = state === 'open' ? LIST.open : state === 'closed' ? LIST.closed : state ? LIST.state : LIST.all;
  const rows = await runStatement<RepairRecord & { id: string | null }>(em, query, state && state !== 'open' && state !== 'closed' ? [orgId, limit, offset, state] : [orgId, limit, offset]);
  if (rows.length === 0) return null;
  return rows.filter((r) => r.id !== null);
}

/** The list's answer from those rows. */
export function repairList(rows: RepairRecord[], now: Date, sort?: 'opened_at' | 'lost_revenue') {
  const items = rows.map((r) => ({ ...repairSummary(r), lostSales: repairLostSales(r, now) }));
  // The most costly first, so the merchant fixes what loses the most money.
  // A revenue that cannot be computed (a profile without its figures: NaN, null in JSON) counts as none.
  const revenue = (i: (typeof items)[number]) => (Number.isFinite(i.lostSales?.revenuePerHour) ? i.lostSales!.revenuePerHour : 0);
  if (sort === 'lost_revenue') items.sort((a, b) => revenue(b) - revenue(a));
  return { items };
}

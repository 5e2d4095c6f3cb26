// The read path's queries: each answer in one round trip, as plain rows shaped in SQL (stores with
// their location and brand, history, alerts), so no entity is hydrated on the way to the response.
import type { EntityManager } from '@mikro-orm/postgresql';
import { runStatement, statement } from '../../db/prepared-statement.js';
import type { SalesProfile } from './lost-sales.js';
import { CLOSED_STATES } from '../../../workflows/repair/repair-rules.js';
import { PROVIDERS } from '../../providers/index.js';

/** A repair's summary fields as the API shows them (timestamps already ISO 8601). */
export interface RepairRecord {
  id: string;
  workflowId: string;
  orgId: string;
  connectionId: string;
  provider: string;
  accountRef: string;
  state: string;
  errorCode: string | null;
  errorType: string | null;
  cause: string | null;
  resolution: string | null;
  storeCount: number;
  attempts: number;
  lastOutcome: string | null;
  openedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  outcome: string | null;
  /** The affected stores' sales profiles on the repair's provider, in the repair's store order. */
  salesProfiles: SalesProfile[];
}

export interface StoreView {
  id: string;
  location: { id: string; name: string };
  brand: { id: string; name: string };
}

export interface RepairDetailRecord extends RepairRecord {
  errorMessage: string | null;
  reportCount: number;
  reminderCount: number;
  escalation: string;
  supportRequested: boolean;
  deferredUntil: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  stores: StoreView[];
  history: { at: string; kind: string; actorUserId: string | null; action: string | null; outcome: string | null; errorType: string | null; cause: string | null; errorCode: string | null }[];
  notifications: { kind: string; status: string; reason: string | null; sendAfter: string | null; createdAt: string }[];
  messages: { id: string; channel: string; recipient: string; template: string; locale: string; status: string; sendAfter: string | null; createdAt: string }[];
  orgLocale: string | null;
  /** The acting user, when one was asked for and belongs to the repair's organization. */
  userId: string | null;
  userLocale: string | null;
  userPermissions: string[] | null;
  /** The organization's read revision, in the same snapshot as the rest (kept-answers.ts); null when it has none. */
  revision: string | null;
}

// As Date#toISOString writes it (milliseconds, UTC), so the answers read exactly as before.
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const closed = CLOSED_STATES.map((s) => {
  if (!/^[a-z_]+$/.test(s)) throw new Error(`unexpected state name ${s}`);
  return `'${s}'`;
}).join(', ');
// Written out (not a parameter) so the planner can use the partial index of open repairs.
export const OPEN = `r.state not in (${closed})`;
export const CLOSED = `r.state in (${closed})`;

/** A repair's summary columns, named as the API names them (shared with the list's test reference). */
export const SUMMARY = `r.id, r.workflow_id as "workflowId", r.org_id as "orgId", r.connection_id as "connectionId", r.provider, r.account_ref as "accountRef", r.state,
  r.error_code as "errorCode", r.error_type as "errorType", r.cause, r.resolution, jsonb_array_length(r.store_ids) as "storeCount", r.attempts,
  r.last_outcome as "lastOutcome", ${iso('r.opened_at')} as "openedAt", ${iso('r.updated_at')} as "updatedAt", ${iso('r.resolved_at')} as "resolvedAt", r.outcome`;

// Each store is looked up by its key (`offset 0` keeps the planner from turning the lookups into a
// scan of every store: it cannot know that a repair names only a handful).
const storeById = `cross join lateral (
    select s.id, s.location_id, s.brand_id, s.sales_profile, l.name as location_name, b.name as brand_name from stores s
    left join locations l on l.id = s.location_id left join brands b on b.id = s.brand_id
    where s.id = ids.id offset 0
  ) s`;

/**
 * The repair's stores in its own order, with location and brand names, and their sales profiles on its provider.
 * `distinct` names each store once (the detail); lists count a store as often as the repair names it.
 */
const storesOf = (distinct: boolean) => `left join lateral (
  select coalesce(json_agg(json_build_object('id', s.id, 'location', json_build_object('id', s.location_id, 'name', coalesce(s.location_name, '')),
                                             'brand', json_build_object('id', s.brand_id, 'name', coalesce(s.brand_name, ''))) order by ids.n), '[]') as stores,
         coalesce(json_agg(s.sales_profile -> r.provider order by ids.n) filter (where s.sales_profile ? r.provider), '[]') as profiles
  from ${distinct ? `(select distinct on (id) id, n from jsonb_array_elements_text(r.store_ids) with ordinality x(id, n) order by id, n)` : 'jsonb_array_elements_text(r.store_ids) with ordinality'} ids(id, n)
  ${storeById}
) st on true`;

export interface RepairListFilter {
  state?: string;
  limit: number;
  offset: number;
}

// The list as a page of JSON text that PostgreSQL writes, so Node neither parses rows nor serializes
// them (a 100-repair page is ~63 KB). Each repair's lost sales depend on the hour of the answer, so the
// page holds a marker in their place and, aside, the rates summed in store order; lostSalesFromRates
// counts the hours per answer (repair-list-page.ts). Names, order and values are those of the
// JavaScript reference in test/helpers/repair-list-reference.ts, which a test compares this with;
// row_to_json writes compact JSON, as JSON.stringify does.

/** Math.round(x * 100) / 100 on float8, exactly as JavaScript rounds (halves towards +∞, no float8 `round`). */
const round2 = (x: string) => `(floor((${x}) * 100) + ((${x}) * 100 - floor((${x}) * 100) >= 0.5)::int) / 100`;
// Epoch milliseconds, truncated as the ISO text that the JavaScript version reads back.
const epochMs = (column: string) => `floor(extract(epoch from ${column}) * 1000)::float8`;
// A profile's number, or null where JavaScript would compute NaN (the sums are then null too).
const profileNumber = (key: string) => `case when jsonb_typeof(s.p -> '${key}') = 'number' then (s.p ->> '${key}')::float8 end`;

// lostSalesOf's sums, added in the repair's store order as Array#reduce adds them: the aggregates read
// their input from a subquery sorted once (one sort per repair, where `sum(… order by …)` sorts per aggregate).
const lostSalesSums = `left join lateral (
  select count(*) as n,
         case when count(*) = count(s.o) then sum(s.o) end as oph,
         case when count(*) = count(s.o * s.a) then sum(s.o * s.a) end as rph,
         (array_agg(s.p -> 'currency'))[1] as currency
  from (
    select s.p, ${profileNumber('ordersPerHour')} as o, ${profileNumber('averageOrderValue')} as a
    from jsonb_array_elements_text(r.store_ids) with ordinality ids(id, n)
    cross join lateral (select s.sales_profile -> r.provider as p from stores s where s.id = ids.id and s.sales_profile ? r.provider offset 0) s
    order by ids.n
  ) s
) ls on true`;

const SUMMARY_WITH_NAME = SUMMARY.replace('r.provider, ', 'r.provider, coalesce($4::jsonb ->> r.provider, r.provider) as "providerName", ');
if (SUMMARY_WITH_NAME === SUMMARY) throw new Error('providerName not placed');
// The summary's fields in repairSummary's order (the JSON's key order).
const SUMMARY_NAMES = ['id', 'workflowId', 'orgId', 'connectionId', 'provider', 'providerName', 'accountRef', 'state', 'errorCode', 'errorType', 'cause', 'resolution',
  'storeCount', 'attempts', 'lastOutcome', 'openedAt', 'updatedAt', 'resolvedAt', 'outcome'].map((name) => `p."${name}"`).join(', ');

/** Where a repair's lost sales go in the page's text: `{"@lostSales":"<repair id>"}` (JSON text escapes any quote inside a value, so no value reads as one). */
export const LOST_SALES_MARKER = /\{"@lostSales":"([^"\\]+)"\}/;

// The revision is read in the same statement, hence the same snapshot, as the page: a page is never
// kept under a revision newer than its rows.
const listPageOf = (filter: string) =>
  statement(`select (select rr.revision::text from read_revisions rr where rr.org_id = o.id) as revision,
         '{"items":[' || coalesce(string_agg(row_to_json(v)::text, ',' order by case when $5::boolean then coalesce(p.sort_revenue, 0) end desc, p.opened_at desc, p.id asc)
                                           filter (where p.id is not null), '') || ']}' as body,
         coalesce(json_object_agg(p.id, json_build_array(p.oph, p.rph, ${epochMs('p.opened_at')}, ${epochMs('p.resolved_at_ts')}, p.currency)) filter (where p.n > 0), '{}')::text as rates
  from orgs o
  left join lateral (
    select q.*, case when q.n > 0 then ${round2('q.rph')} end as sort_revenue from (
      select r.opened_at, r.resolved_at as resolved_at_ts, ${SUMMARY_WITH_NAME}, ls.n, ls.oph, ls.rph, ls.currency
      from repairs r ${lostSalesSums}
      where r.org_id = o.id${filter} order by r.opened_at desc, r.id asc limit $2 offset $3
    ) q
  ) p on true
  left join lateral (
    select ${SUMMARY_NAMES}, case when p.n > 0 then ('{"@lostSales":' || to_json(p.id)::text || '}')::json end as "lostSales"
  ) v on true
  where o.id = $1
  group by o.id`);
const LIST_PAGE = { all: listPageOf(''), open: listPageOf(` and ${OPEN}`), closed: listPageOf(` and ${CLOSED}`), state: listPageOf(' and r.state = $6') };
const PROVIDER_NAMES = JSON.stringify(Object.fromEntries(PROVIDERS.map((p) => [p.id, p.name])));

export interface RepairListPageFilter extends RepairListFilter {
  sort?: 'opened_at' | 'lost_revenue';
}

/** One page of the list as PostgreSQL wrote it: the text with lost-sales markers, and per repair [orders/h, revenue/h, opened ms, resolved ms, currency]. */
export interface RepairListPageText {
  /** The organization's read revision when the page was read; null when it has none (the page is then not kept). */
  revision: string | null;
  body: string;
  rates: string;
}

/** A page of the list; null when there is no such organization. */
export async function readRepairListPageText(em: EntityManager, orgId: string, filter: RepairListPageFilter): Promise<RepairListPageText | null> {
  const { state, limit, offset, sort } = filter;
  const query = state === 'open' ? LIST_PAGE.open : state === 'closed' ? LIST_PAGE.closed : state ? LIST_PAGE.state : LIST_PAGE.all;
  const values: unknown[] = [orgId, limit, offset, PROVIDER_NAMES, sort === 'lost_revenue'];
  if (state && state !== 'open' && state !== 'closed') values.push(state);
  const [row] = await runStatement<RepairListPageText>(em, query, values);
  return row ?? null;
}

const READ_REVISION = statement(`select rr.revision::text as revision from orgs o join read_revisions rr on rr.org_id = o.id where o.id = $1`);

/** The organization's read revision (kept-answers.ts); null when there is no such organization or it has none. */
export async function readOrgRevision(em: EntityManager, orgId: string): Promise<string | null> {
  const [row] = await runStatement<{ revision: string }>(em, READ_REVISION, [orgId]);
  return row?.revision ?? null;
}

const OPEN_OF_ORG = statement(`select ${SUMMARY}, st.stores, st.profiles as "salesProfiles" from repairs r ${storesOf(false)}
  where r.org_id = $1 and ${OPEN} order by r.opened_at asc, r.id asc limit $2`);

/** An organization's open repairs, oldest first, each with its stores. */
export const readOpenRepairs = (em: EntityManager, orgId: string, limit: number) => runStatement<RepairRecord & { stores: StoreView[] }>(em, OPEN_OF_ORG, [orgId, limit]);

// One JSON column, not forty: the driver describes and converts a single field per answer.
const DETAIL = statement(`select row_to_json(d) as detail from (select ${SUMMARY},
  r.error_message as "errorMessage", r.report_count as "reportCount", r.reminder_count as "reminderCount", r.escalation,
  r.support_requested as "supportRequested", ${iso('r.deferred_until')} as "deferredUntil",
  r.acknowledged_by as "acknowledgedBy", ${iso('r.acknowledged_at')} as "acknowledgedAt",
  st.stores, st.profiles as "salesProfiles",
  (select coalesce(json_agg(json_build_object('at', ${iso('e.at')}, 'kind', e.kind, 'actorUserId', e.actor_user_id, 'action', e.action, 'outcome', e.outcome,
                                              'errorType', e.error_type, 'cause', e.cause, 'errorCode', e.error_code) order by e.at, e.id), '[]')
     from repair_events e where e.repair_id = r.id) as history,
  (select coalesce(json_agg(json_build_object('kind', n.kind, 'status', n.status, 'reason', n.reason, 'sendAfter', ${iso('n.send_after')}, 'createdAt', ${iso('n.created_at')}) order by n.created_at, n.id), '[]')
     from notification_intents n where n.repair_id = r.id) as notifications,
  (select coalesce(json_agg(json_build_object('id', m.id, 'channel', m.channel, 'recipient', m.recipient, 'template', m.template, 'locale', m.locale,
                                              'status', m.status, 'sendAfter', ${iso('m.send_after')}, 'createdAt', ${iso('m.created_at')}) order by m.created_at, m.id), '[]')
     from notifications m where m.repair_ids @> jsonb_build_array($1::text)) as messages,
  o.locale as "orgLocale", u.id as "userId", u.locale as "userLocale", u.permissions as "userPermissions",
  (select rr.revision::text from read_revisions rr where rr.org_id = r.org_id) as revision
  from repairs r
  left join orgs o on o.id = r.org_id
  left join users u on u.id = $2 and u.org_id = r.org_id
  ${storesOf(true)}
  where r.id = $1::text) d`);

/** One repair with everything its detail shows, and the acting user if asked for; null when there is no such repair. */
export async function readRepairDetail(em: EntityManager, repairId: string, actingUserId?: string): Promise<RepairDetailRecord | null> {
  const [row] = await runStatement<{ detail: RepairDetailRecord }>(em, DETAIL, [repairId, actingUserId ?? null]);
  return row?.detail ?? null;
}

// Gauges read from PostgreSQL when Prometheus scrapes, never counted in memory: a restarted or added
// process reports the same numbers. Every replica of the API reports the same value, so dashboards
// take max() across replicas. One grouped query per gauge, on tables that stay small or indexed.
import { Gauge, type Registry } from 'prom-client';
import type { Orm } from '../db/orm.js';
import { CLOSED_STATES, REPAIR_STATES } from '../../workflows/repair/repair-rules.js';
import { CATALOGUE_PROVIDERS, providerLabel, repairStateLabel } from './metric-labels.js';

const OPEN_STATES = REPAIR_STATES.filter((s) => !CLOSED_STATES.includes(s));

/**
 * The predicate is the one of the partial index repairs_open_org_id_opened_at_id_index, so only
 * open repairs are read, however many closed ones the table keeps.
 */
const OPEN_REPAIRS_SQL = `select provider, state, count(*)::int as n from repairs where state not in (${CLOSED_STATES.map((s) => `'${s}'`).join(', ')}) group by provider, state`;
const OPEN_TICKETS_SQL = `select count(*)::int as n from support_tickets where state <> 'closed'`;
/** One row per provider ever judged (the health workflow's decision). */
const PROVIDER_STATUS_SQL = 'select provider, degraded from provider_status';

type Query = <T>(sql: string) => Promise<T[]>;

export function registerDatabaseGauges(registry: Registry, orm: Orm, onError: (error: unknown, gauge: string) => void): void {
  const query: Query = (sql) => orm.em.getConnection().execute(sql, [], 'all');
  // A failed read leaves no stale number and the rest of the scrape intact: a labelled gauge loses its
  // series, the unlabelled one (which always has a sample) reads NaN.
  const reading = <T extends string>(name: string, read: (gauge: Gauge<T>) => Promise<void>, unknown = (gauge: Gauge<T>) => gauge.reset()) =>
    async function collect(this: Gauge<T>): Promise<void> {
      try {
        await read(this);
      } catch (error) {
        unknown(this);
        onError(error, name);
      }
    };
  new Gauge({
    name: 'repair_open_repairs',
    help: 'Open repairs by provider and state, read from the database (use max() across API replicas).',
    labelNames: ['provider', 'state'] as const,
    registers: [registry],
    collect: reading('repair_open_repairs', (gauge) => readOpenRepairs(gauge, query)),
  });
  new Gauge({
    name: 'repair_tickets_open',
    help: 'Support tickets not closed (open or waiting on the merchant), read from the database.',
    registers: [registry],
    collect: reading('repair_tickets_open', async (gauge) => gauge.set((await query<{ n: number }>(OPEN_TICKETS_SQL))[0]?.n ?? 0), (gauge) => gauge.set(Number.NaN)),
  });
  new Gauge({
    name: 'repair_provider_degraded',
    help: '1 while a provider is degraded (a mass outage on its side), else 0; read from the database.',
    labelNames: ['provider'] as const,
    registers: [registry],
    collect: reading('repair_provider_degraded', (gauge) => readDegraded(gauge, query)),
  });
}

/** Every catalogue provider and open state has a series (0 when none), so no line vanishes from a graph. */
async function readOpenRepairs(gauge: Gauge<'provider' | 'state'>, query: Query): Promise<void> {
  const rows = await query<{ provider: string; state: string; n: number }>(OPEN_REPAIRS_SQL);
  const counts = new Map<string, { provider: string; state: string; n: number }>();
  for (const provider of CATALOGUE_PROVIDERS) for (const state of OPEN_STATES) counts.set(`${provider}/${state}`, { provider, state, n: 0 });
  for (const row of rows) {
    const provider = providerLabel(row.provider);
    const state = repairStateLabel(row.state);
    const entry = counts.get(`${provider}/${state}`) ?? { provider, state, n: 0 };
    counts.set(`${provider}/${state}`, { ...entry, n: entry.n + row.n });
  }
  gauge.reset();
  for (const { provider, state, n } of counts.values()) gauge.set({ provider, state }, n);
}

/** 1 or 0 for every catalogue provider; providers outside it share "other" (1 if any is degraded). */
async function readDegraded(gauge: Gauge<'provider'>, query: Query): Promise<void> {
  const rows = await query<{ provider: string; degraded: boolean }>(PROVIDER_STATUS_SQL);
  const values = new Map<string, number>(CATALOGUE_PROVIDERS.map((p) => [p, 0]));
  for (const row of rows) {
    const provider = providerLabel(row.provider);
    values.set(provider, Math.max(values.get(provider) ?? 0, row.degraded ? 1 : 0));
  }
  gauge.reset();
  for (const [provider, value] of values) gauge.set({ provider }, value);
}

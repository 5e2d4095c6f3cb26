// The API's gauges come from PostgreSQL at scrape time: any registry over the same database says the
// same, providers outside the catalogue share "other", and a failed read empties only its gauge.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Counter, Registry } from 'prom-client';
import { registerDatabaseGauges } from '../../core/metrics/database-gauges.js';
import { openOrm } from '../../core/db/orm.js';
import { ruleFor } from '../../core/providers/index.js';
import { createTestApi, type TestApi } from '../helpers/api.js';
import { parseSamples, valueOf } from '../helpers/prometheus-text.js';
import { report, setUpMerchant, type RepairStack } from '../helpers/repair-stack.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api?.close());

const gauges = async (registry: Registry) => parseSamples(await registry.metrics()).filter((s) => s.name.startsWith('repair_'));

it('reads open repairs, open tickets and degraded providers from the database, the same in every registry', async () => {
  // No worker runs here: the API's own rows (written when a report is accepted) are what is read.
  const stack = { app: api.app } as RepairStack;
  const roo = await setUpMerchant(stack, { provider: 'deliveroo', stores: 1 });
  await report(stack, roo.connectionId, ruleFor('deliveroo', 'invalid_credentials')!.code);
  const elsewhere = await setUpMerchant(stack, { provider: 'acme_eats', stores: 1 });
  await report(stack, elsewhere.connectionId, 'E_WHATEVER');
  await api.db.orm.em.getConnection().execute(`insert into provider_status (provider, degraded, updated_at) values ('deliveroo', true, now()), ('acme_eats', true, now()), ('uber_eats', false, now())`);

  const first = new Registry();
  const second = new Registry();
  for (const registry of [first, second]) registerDatabaseGauges(registry, api.db.orm, (error) => { throw error; });
  const samples = await gauges(first);
  expect(samples).toEqual(await gauges(second));
  expect(valueOf(samples, 'repair_open_repairs', { provider: 'deliveroo', state: 'awaiting_credentials' })).toBe(1);
  expect(samples.filter((s) => s.name === 'repair_open_repairs' && s.labels.provider === 'other').map((s) => s.value)).toEqual([1]);
  expect(samples.filter((s) => s.name === 'repair_open_repairs' && s.value > 0)).toHaveLength(2);
  expect(valueOf(samples, 'repair_provider_degraded', { provider: 'deliveroo' })).toBe(1);
  expect(valueOf(samples, 'repair_provider_degraded', { provider: 'other' })).toBe(1);
  expect(valueOf(samples, 'repair_provider_degraded', { provider: 'uber_eats' })).toBe(0);
  expect(valueOf(samples, 'repair_tickets_open')).toBe(0);
  expect(new Set(samples.map((s) => s.labels.provider)).has('acme_eats')).toBe(false);
});

it('reports no stale number, and keeps the rest of the scrape, when the database cannot answer', async () => {
  const gone = await openOrm(api.db.url, { migrate: false, poolMax: 1 });
  await gone.close();
  const registry = new Registry();
  const failed: string[] = [];
  registerDatabaseGauges(registry, gone, (_error, gauge) => failed.push(gauge));
  new Counter({ name: 'other_metric_total', help: 'Stands for the rest of the scrape.', registers: [registry] }).inc();
  const text = await registry.metrics();
  expect(failed.sort()).toEqual(['repair_open_repairs', 'repair_provider_degraded', 'repair_tickets_open']);
  const samples = parseSamples(text);
  expect(samples.filter((s) => s.name === 'repair_open_repairs' || s.name === 'repair_provider_degraded')).toEqual([]);
  expect(valueOf(samples, 'repair_tickets_open')).toBeNaN();
  expect(valueOf(samples, 'other_metric_total')).toBe(1);
});

// A provider-wide outage: many provider_unavailable failures mark the provider degraded (with
// evidence), nobody is asked to act, and recovery re-pairs the waiting repairs on their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleFor } from '../../core/providers/index.js';
import { auth } from '../helpers/api.js';
import { recordHistory } from '../helpers/histories.js';
import { repairWorkflowId } from '../../workflows/repair/messages.js';
import { eventually, repairDetail, report, sandboxAccount, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
beforeAll(async () => {
  stack = await startRepairStack({ env: { OUTAGE_THRESHOLD: '30', OUTAGE_WINDOW_MS: '60000', OUTAGE_RECHECK_MS: '500', REPAIR_RETRY_INITIAL_MS: '60000', REPAIR_RETRY_MAX_MS: '60000' } });
});
afterAll(async () => stack?.close());

async function post(url: string, payload: object): Promise<{ id: string }> {
  const res = await stack.app.inject({ method: 'POST', url, payload, headers: auth() });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.body}`);
  return res.json();
}

describe('provider outage', () => {
  it('marks the provider degraded after 30 failures, alerts no merchant, and re-pairs everyone on recovery', async () => {
    const org = await post('/v1/orgs', { name: 'Outage Org', locale: 'en', timezone: 'Europe/London', environment: 'sandbox' });
    const loc = await post(`/v1/orgs/${org.id}/locations`, { name: 'Shoreditch' });
    const repairs: string[] = [];
    const refs: string[] = [];
    const connections: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const brand = await post(`/v1/orgs/${org.id}/brands`, { name: `Brand ${i}` });
      const store = await post(`/v1/orgs/${org.id}/stores`, { locationId: loc.id, brandId: brand.id });
      const ref = `outage-${org.id.slice(4, 12)}-${i}`;
      refs.push(ref);
      await sandboxAccount(stack, 'just_eat', ref, { failureMode: 'error' });
      const con = await post('/v1/connections', { orgId: org.id, provider: 'just_eat', accountRef: ref, storeIds: [store.id] });
      connections.push(con.id);
      repairs.push((await report(stack, con.id, ruleFor('just_eat', 'provider_unavailable')!.code)).repairId);
    }

    const degraded = await eventually(
      async () => ((await stack.app.inject({ method: 'GET', url: '/v1/providers', headers: auth() })).json() as { providers: { id: string; health: { degraded: boolean; evidence?: { failures: number } } }[] }).providers.find((p) => p.id === 'just_eat')!.health,
      (h) => h.degraded,
      30_000,
    );
    expect(degraded.evidence?.failures).toBeGreaterThanOrEqual(30);
    for (const id of repairs.slice(0, 5)) expect((await repairDetail(stack, id)).notifications.map((n) => n.kind)).not.toContain('action_needed');

    for (const ref of refs) await sandboxAccount(stack, 'just_eat', ref, { failureMode: 'none' });
    // Backoff would wait a minute; recovery wakes the repairs at once.
    for (const id of repairs) await eventually(() => repairDetail(stack, id), (d) => d.state === 'healthy', 30_000);
    const health = ((await stack.app.inject({ method: 'GET', url: '/v1/providers', headers: auth() })).json() as { providers: { id: string; health: { degraded: boolean } }[] }).providers.find((p) => p.id === 'just_eat')!.health;
    expect(health.degraded).toBe(false);
    await recordHistory(stack.temporal, repairWorkflowId(connections[0]!), 'provider-outage-retry-now');
  }, 120_000);
});

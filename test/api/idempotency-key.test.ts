// An Idempotency-Key answers the first result only for the same request: the same caller, action,
// repair and body. Reused for anything else it is refused with 422 naming the header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleFor } from '../../core/providers/index.js';
import { auth } from '../helpers/api.js';
import { repairDetail, report, sandboxAccount, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
beforeAll(async () => {
  stack = await startRepairStack();
});
afterAll(async () => stack?.close());

const storeInactive = (provider: string) => ruleFor(provider, 'invalid_store_config', 'store_inactive')!.code;
const invalidCredentials = (provider: string) => ruleFor(provider, 'invalid_credentials')!.code;

const post = (repairId: string, action: string, key: string, payload: object) =>
  stack.app.inject({ method: 'POST', url: `/v1/repairs/${repairId}/${action}`, payload, headers: { ...auth(), 'idempotency-key': key } });

function expectKeyRefused(res: Awaited<ReturnType<typeof post>>) {
  expect(res.statusCode).toBe(422);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect((res.json() as { errors: { name: string; in?: string }[] }).errors).toEqual([expect.objectContaining({ name: 'Idempotency-Key', in: 'headers' })]);
}

async function portalRepair(provider: string) {
  const m = await setUpMerchant(stack, { provider, stores: 1 });
  const opened = await report(stack, m.connectionId, storeInactive(provider));
  return { m, repairId: opened.repairId };
}

describe('Idempotency-Key', () => {
  it('answers the first result for the same request, acting once', async () => {
    const { m, repairId } = await portalRepair('jahez');
    const key = `k-${repairId}`;
    const first = await post(repairId, 'defer', key, { actingUserId: m.owner });
    const again = await post(repairId, 'defer', key, { actingUserId: m.owner });
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect(again.json().remindAt).toBe(first.json().remindAt);
    expect((await repairDetail(stack, repairId)).history.filter((h) => h.kind === 'deferred')).toHaveLength(1);
  });

  it('is refused on another action of the same repair', async () => {
    const { m, repairId } = await portalRepair('rappi');
    const key = `k-${repairId}`;
    expect((await post(repairId, 'defer', key, { actingUserId: m.owner })).statusCode).toBe(200);
    expectKeyRefused(await post(repairId, 'steps-completed', key, { actingUserId: m.owner }));
  });

  it('is refused on another repair', async () => {
    const a = await portalRepair('glovo');
    // A second connection of the same organization (same user), broken too.
    const other = await stack.app.inject({ method: 'POST', url: '/v1/connections', headers: auth(), payload: { orgId: a.m.orgId, provider: 'just_eat', accountRef: `other-${a.m.accountRef}`, storeIds: a.m.storeIds } });
    expect(other.statusCode).toBe(201);
    const b = await report(stack, (other.json() as { id: string }).id, storeInactive('just_eat'));
    const key = `k-${a.repairId}`;
    expect((await post(a.repairId, 'defer', key, { actingUserId: a.m.owner })).statusCode).toBe(200);
    expectKeyRefused(await post(b.repairId, 'defer', key, { actingUserId: a.m.owner }));
  });

  it('is refused with a different body (another password)', async () => {
    const m = await setUpMerchant(stack, { provider: 'deliveroo', stores: 1 });
    await sandboxAccount(stack, 'deliveroo', m.accountRef, { password: 'right-pw-1' });
    const { repairId } = await report(stack, m.connectionId, invalidCredentials('deliveroo'));
    const key = `k-${repairId}`;
    const wrong = await post(repairId, 'credentials', key, { actingUserId: m.owner, username: m.accountRef, password: 'wrong-pw-1' });
    expect(wrong.json().outcome).toBe('invalid_credentials');
    expectKeyRefused(await post(repairId, 'credentials', key, { actingUserId: m.owner, username: m.accountRef, password: 'right-pw-1' }));
    // The key stored nothing of the password.
    const rows = await stack.db.orm.em.fork().getConnection().execute('select * from idempotency_keys');
    expect(JSON.stringify(rows)).not.toContain('right-pw-1');
    expect(JSON.stringify(rows)).not.toContain('wrong-pw-1');
  });
});

// Each resolution path end to end: HTTP API → Temporal workflow → pairing over HTTP against the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection as ConnectionEntity } from '../../core/db/entities/index.js';
import { recordHistory } from '../helpers/histories.js';
import { repairWorkflowId } from '../../workflows/repair/messages.js';
import { act, errorCode, eventually, lastCode, repairDetail, report, sandboxAccount, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
beforeAll(async () => {
  stack = await startRepairStack({ env: { REPAIR_RETRY_INITIAL_MS: '300', REPAIR_RETRY_MAX_MS: '600' } });
});
afterAll(async () => stack?.close());

const code = errorCode;

async function connectionStatus(connectionId: string) {
  return (await stack.db.orm.em.fork().findOneOrFail(ConnectionEntity, { id: connectionId })).status;
}

describe('reconnect: credentials, then a verification code', () => {
  it('walks from the report to a healthy connection, recording who did what', async () => {
    const m = await setUpMerchant(stack, { provider: 'uber_eats', stores: 3 });
    await sandboxAccount(stack, 'uber_eats', m.accountRef, { password: 'new-secret-pw', secondFactor: 'sms' });

    const opened = await report(stack, m.connectionId, code('uber_eats', 'invalid_credentials'));
    expect(opened).toMatchObject({ state: 'awaiting_credentials', joined: false });
    expect(await connectionStatus(m.connectionId)).toBe('needs_attention');

    const detail = await repairDetail(stack, opened.repairId, m.owner);
    expect(detail).toMatchObject({ errorType: 'invalid_credentials', resolution: 'reconnect', state: 'awaiting_credentials' });
    expect(detail.stores.map((s) => s.location.name).sort()).toEqual(['Kitchen 1', 'Kitchen 2', 'Kitchen 3']);
    expect(detail.allowedActions).toEqual(['submit_credentials', 'defer', 'request_support']);

    const viewerDetail = await repairDetail(stack, opened.repairId, m.viewer);
    expect(viewerDetail.allowedActions).not.toContain('submit_credentials');
    const refused = await act(stack, opened.repairId, 'credentials', { actingUserId: m.viewer, username: m.accountRef, password: 'new-secret-pw' });
    expect(refused.status).toBe(403);

    const wrong = await act(stack, opened.repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'guess-1' });
    expect(wrong.status).toBe(200);
    expect(wrong.body.outcome).toBe('invalid_credentials');
    expect(wrong.body.repair.state).toBe('awaiting_credentials');

    const needsCode = await act(stack, opened.repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'new-secret-pw' });
    expect(needsCode.body.outcome).toBe('verification_required');
    expect(needsCode.body.repair.state).toBe('awaiting_verification_code');

    const badCode = await act(stack, opened.repairId, 'verification-code', { actingUserId: m.owner, code: '000000' });
    expect(badCode.body.outcome).toBe('invalid_code');

    const good = await act(stack, opened.repairId, 'verification-code', { actingUserId: m.owner, code: await lastCode(stack, 'uber_eats', m.accountRef) });
    expect(good.body.outcome).toBe('healthy');

    const done = await eventually(() => repairDetail(stack, opened.repairId), (d) => d.state === 'healthy' && d.notifications.some((n) => n.kind === 'reconnected'));
    expect(done.attempts).toBe(4);
    expect(await connectionStatus(m.connectionId)).toBe('healthy');
    const attempts = done.history.filter((h) => h.kind === 'attempt');
    expect(attempts.map((h) => [h.actorUserId, h.outcome])).toEqual([
      [m.owner, 'invalid_credentials'],
      [m.owner, 'verification_required'],
      [m.owner, 'invalid_code'],
      [m.owner, 'healthy'],
    ]);
    expect(done.notifications.map((n) => n.kind)).toEqual(expect.arrayContaining(['action_needed', 'reconnected']));
    await recordHistory(stack.temporal, repairWorkflowId(m.connectionId), 'reconnect-with-code');
  });
});

describe('merchant portal steps', () => {
  it('is unresolved while the store is inactive, then follows the new error to reconnect', async () => {
    const m = await setUpMerchant(stack, { provider: 'deliveroo' });
    await sandboxAccount(stack, 'deliveroo', m.accountRef, { storeStatus: 'inactive' });
    const opened = await report(stack, m.connectionId, code('deliveroo', 'invalid_store_config', 'store_inactive'));
    expect(opened.state).toBe('awaiting_portal_steps');

    const detail = await repairDetail(stack, opened.repairId, m.viewer);
    expect(detail.help.steps.length).toBeGreaterThanOrEqual(3);
    expect((detail.help as unknown as { article: { slug: string; url: string } }).article).toMatchObject({ slug: 'deliveroo-store-inactive', url: '/help/articles/deliveroo-store-inactive?locale=en' });
    expect(detail.allowedActions).toEqual(['defer', 'request_support']);

    const still = await act(stack, opened.repairId, 'steps-completed', { actingUserId: m.owner });
    expect(still.body.outcome).toBe('unresolved');
    expect(still.body.repair.state).toBe('awaiting_portal_steps');

    // Fixed in the portal, but the provider now wants a second factor: the repair switches to reconnect.
    await sandboxAccount(stack, 'deliveroo', m.accountRef, { storeStatus: 'active', secondFactor: 'sms' });
    const switched = await act(stack, opened.repairId, 'steps-completed', { actingUserId: m.owner });
    expect(switched.body.outcome).toBe('new_error');
    expect(switched.body.repair).toMatchObject({ resolution: 'reconnect', state: 'awaiting_credentials' });

    const codeAsked = await act(stack, opened.repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'correct-horse' });
    expect(codeAsked.body.outcome).toBe('verification_required');
    const healthy = await act(stack, opened.repairId, 'verification-code', { actingUserId: m.owner, code: await lastCode(stack, 'deliveroo', m.accountRef) });
    expect(healthy.body.outcome).toBe('healthy');
    await eventually(() => repairDetail(stack, opened.repairId), (d) => d.state === 'healthy');
    await recordHistory(stack.temporal, repairWorkflowId(m.connectionId), 'portal-steps-then-new-error');
  });

  it('defers with a reminder time and answers 409 for actions the state does not allow', async () => {
    const m = await setUpMerchant(stack, { provider: 'uber_eats' });
    const opened = await report(stack, m.connectionId, code('uber_eats', 'invalid_store_config', 'non_traditional_login'));
    const deferred = await act(stack, opened.repairId, 'defer', { actingUserId: m.viewer });
    expect(deferred.body.outcome).toBe('deferred');
    expect(Date.parse(deferred.body.remindAt as string)).toBeGreaterThan(Date.now());
    const wrongAction = await act(stack, opened.repairId, 'credentials', { actingUserId: m.owner, username: 'x', password: 'y' });
    expect(wrongAction.status).toBe(409);
    const otherOrg = await setUpMerchant(stack, { provider: 'uber_eats' });
    expect((await act(stack, opened.repairId, 'defer', { actingUserId: otherOrg.owner })).status).toBe(404);
    await recordHistory(stack.temporal, repairWorkflowId(m.connectionId), 'deferred');
  });
});

describe('provider unavailable', () => {
  it('retries on its own without asking anyone, and heals when the provider is back', async () => {
    const m = await setUpMerchant(stack, { provider: 'glovo' });
    await sandboxAccount(stack, 'glovo', m.accountRef, { failureMode: 'error' });
    const opened = await report(stack, m.connectionId, code('glovo', 'provider_unavailable'));
    expect(opened.state).toBe('retrying');
    await eventually(() => repairDetail(stack, opened.repairId), (d) => d.attempts >= 2);
    await sandboxAccount(stack, 'glovo', m.accountRef, { failureMode: 'none' });
    const healed = await eventually(() => repairDetail(stack, opened.repairId), (d) => d.state === 'healthy');
    expect(healed.notifications.map((n) => n.kind)).not.toContain('action_needed');
    await recordHistory(stack.temporal, repairWorkflowId(m.connectionId), 'provider-unavailable-retries');
  });
});

describe('repaired elsewhere', () => {
  it('ends the open repair when a backend says the connection works again', async () => {
    const m = await setUpMerchant(stack, { provider: 'takeaway_web' });
    const opened = await report(stack, m.connectionId, code('takeaway_web', 'invalid_credentials'));
    const res = await stack.app.inject({ method: 'POST', url: `/v1/connections/${m.connectionId}/healthy`, headers: { authorization: 'Bearer test-service-key-0001' } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ connectionId: m.connectionId, repairId: opened.repairId, signalled: true });
    const ended = await eventually(() => repairDetail(stack, opened.repairId), (d) => d.state === 'repaired_elsewhere');
    expect(ended.notifications.map((n) => n.kind)).not.toContain('reconnected');
    expect(await connectionStatus(m.connectionId)).toBe('healthy');
    expect(ended.allowedActions).toEqual([]);
    await recordHistory(stack.temporal, repairWorkflowId(m.connectionId), 'repaired-elsewhere');
  });
});

describe('support', () => {
  it('routes a provider outside the catalogue to support and records requests', async () => {
    const m = await setUpMerchant(stack, { provider: 'tiny_local_delivery' });
    const opened = await report(stack, m.connectionId, 'ANYTHING_AT_ALL');
    expect(opened.state).toBe('awaiting_support');
    const detail = await repairDetail(stack, opened.repairId);
    expect(detail).toMatchObject({ errorType: 'unknown', resolution: 'support' });
    const asked = await act(stack, opened.repairId, 'support', { actingUserId: m.viewer, message: 'Our tablet shows no orders since noon.' });
    expect(asked.body.outcome).toBe('support_requested');
    expect(asked.body.repair.history.at(-1)).toMatchObject({ kind: 'support_requested', actorUserId: m.viewer });
    await recordHistory(stack.temporal, repairWorkflowId(m.connectionId), 'support-requested');
  });
});

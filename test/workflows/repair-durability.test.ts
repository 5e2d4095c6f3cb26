// Twins, validators, restarts, continue-as-new and secrets: the properties that keep repairs safe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { ruleFor } from '../../core/providers/index.js';
import { Repair } from '../../core/db/entities/index.js';
import { completeStepsUpdate, disconnectionReportedSignal, repairSnapshotQuery, repairWorkflowId } from '../../workflows/repair/messages.js';
import { createWorker } from '../../worker.js';
import { auth } from '../helpers/api.js';
import { workerDependencies, act, eventually, lastCode, repairDetail, report, sandboxAccount, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
beforeAll(async () => {
  stack = await startRepairStack({ env: { REPAIR_HISTORY_LIMIT: '120' } });
});
afterAll(async () => stack?.close());

const invalidCredentials = (provider: string) => ruleFor(provider, 'invalid_credentials')!.code;

describe('one repair per connection', () => {
  it('joins 100 concurrent reports into a single repair', async () => {
    const m = await setUpMerchant(stack, { provider: 'doordash' });
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        stack.app.inject({ method: 'POST', url: '/v1/disconnections', payload: { connectionId: m.connectionId, errorCode: invalidCredentials('doordash') }, headers: auth() }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(100).fill(202));
    const bodies = answers.map((a) => a.json() as { repairId: string; joined: boolean });
    expect(new Set(bodies.map((b) => b.repairId)).size).toBe(1);
    expect(bodies.filter((b) => !b.joined)).toHaveLength(1);
    expect(await stack.db.orm.em.fork().count(Repair, { connection: m.connectionId })).toBe(1);
    const snapshot = await stack.temporal.workflow.getHandle(repairWorkflowId(m.connectionId)).query(repairSnapshotQuery);
    expect(snapshot.reportCount).toBe(100);
  });

  it('opens the next repair for a report that comes right after the last one healed', async () => {
    // Sent the moment the pairing answers, most of these reach the old workflow while it closes.
    for (let i = 0; i < 3; i += 1) {
      const m = await setUpMerchant(stack, { provider: 'glovo', stores: 1 });
      await sandboxAccount(stack, 'glovo', m.accountRef, { password: 'fresh-pw-123' });
      const first = await report(stack, m.connectionId, invalidCredentials('glovo'));
      const healed = await act(stack, first.repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'fresh-pw-123' });
      expect(healed.body.outcome).toBe('healthy');
      const next = await report(stack, m.connectionId, invalidCredentials('glovo'));
      expect(next).toMatchObject({ joined: false, state: 'awaiting_credentials' });
      expect(next.repairId).not.toBe(first.repairId);
      await eventually(() => repairDetail(stack, next.repairId), (d) => d.history.some((h) => h.kind === 'reported'));
      expect((await repairDetail(stack, first.repairId)).state).toBe('healthy');
      const snapshot = await stack.temporal.workflow.getHandle(repairWorkflowId(m.connectionId)).query(repairSnapshotQuery);
      expect(snapshot).toMatchObject({ repairId: next.repairId, state: 'awaiting_credentials', reportCount: 1 });
    }
  });

  it('drops a malformed report signal without failing a workflow task', async () => {
    const m = await setUpMerchant(stack, { provider: 'rappi' });
    const opened = await report(stack, m.connectionId, invalidCredentials('rappi'));
    const handle = stack.temporal.workflow.getHandle(repairWorkflowId(m.connectionId));
    for (const bad of [null, 'text', { reportId: 1 }, { reportId: 'r', repairId: opened.repairId, report: { errorCode: '' } }]) await handle.signal(disconnectionReportedSignal, bad as never);
    await report(stack, m.connectionId, ruleFor('rappi', 'invalid_store_config', 'store_inactive')!.code);
    await eventually(() => repairDetail(stack, opened.repairId), (d) => d.history.some((h) => h.kind === 'error_changed'));
    const events = (await handle.fetchHistory()).events!;
    expect(events.filter((e) => e.workflowTaskFailedEventAttributes)).toEqual([]);
    expect((await handle.query(repairSnapshotQuery)).reportCount).toBe(2);
  });

  it('re-classifies when a later report brings a different error', async () => {
    const m = await setUpMerchant(stack, { provider: 'just_eat' });
    const first = await report(stack, m.connectionId, invalidCredentials('just_eat'));
    const second = await report(stack, m.connectionId, ruleFor('just_eat', 'invalid_store_config', 'store_inactive')!.code);
    expect(second).toMatchObject({ repairId: first.repairId, joined: true, state: 'awaiting_portal_steps' });
    const detail = await eventually(() => repairDetail(stack, first.repairId), (d) => d.history.some((h) => h.kind === 'error_changed'));
    expect(detail).toMatchObject({ errorType: 'invalid_store_config', cause: 'store_inactive' });
  });
});

describe('validators', () => {
  it('rejects an update the state does not allow before anything reaches history', async () => {
    const m = await setUpMerchant(stack, { provider: 'rappi' });
    await report(stack, m.connectionId, invalidCredentials('rappi'));
    const handle = stack.temporal.workflow.getHandle(repairWorkflowId(m.connectionId));
    const updateEvents = async () => (await handle.fetchHistory()).events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes || e.workflowExecutionUpdateCompletedEventAttributes).length;
    const before = await updateEvents();
    await expect(handle.executeUpdate(completeStepsUpdate, { args: [{ actingUserId: m.owner }] })).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    expect(await updateEvents()).toBe(before);
  });
});

describe('durability', () => {
  it('resumes a repair after its worker is replaced mid-way', async () => {
    const m = await setUpMerchant(stack, { provider: 'grubhub' });
    await sandboxAccount(stack, 'grubhub', m.accountRef, { password: 'fresh-pw-1', secondFactor: 'totp' });
    const opened = await report(stack, m.connectionId, invalidCredentials('grubhub'));
    expect((await act(stack, opened.repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'fresh-pw-1' })).body.outcome).toBe('verification_required');

    // The stack's worker stops; a brand-new worker (new process state, empty cache) takes over.
    stack.worker.shutdown();
    await eventually(async () => stack.worker.getState(), (s) => s === 'STOPPED');
    const connection = await NativeConnection.connect({ address: stack.config.temporal.address });
    const replacement = await createWorker(workerDependencies(stack.config, stack.db, stack.temporal, connection));
    await replacement.runUntil(async () => {
      const done = await act(stack, opened.repairId, 'verification-code', { actingUserId: m.owner, code: await lastCode(stack, 'grubhub', m.accountRef) });
      expect(done.body.outcome, JSON.stringify(done)).toBe('healthy');
      await eventually(() => repairDetail(stack, opened.repairId), (d) => d.state === 'healthy');
    });
    await connection.close();
    // Give the stack a live worker again for the tests that follow.
    const again = await NativeConnection.connect({ address: stack.config.temporal.address });
    stack.worker = await createWorker(workerDependencies(stack.config, stack.db, stack.temporal, again));
    void stack.worker.run();
  });

  it('continues as new with bounded history and keeps its state', async () => {
    const m = await setUpMerchant(stack, { provider: 'skipthedishes' });
    await sandboxAccount(stack, 'skipthedishes', m.accountRef, {});
    const opened = await report(stack, m.connectionId, invalidCredentials('skipthedishes'));
    const handle = stack.temporal.workflow.getHandle(repairWorkflowId(m.connectionId));
    const firstRun = (await handle.describe()).runId;
    for (let i = 0; i < 8; i += 1) {
      const res = await act(stack, opened.repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: `wrong-${i}` });
      expect(res.body.outcome).toBe('invalid_credentials');
    }
    const laterRun = await eventually(async () => (await handle.describe()).runId, (runId) => runId !== firstRun);
    expect(laterRun).not.toBe(firstRun);
    const snapshot = await handle.query(repairSnapshotQuery);
    expect(snapshot).toMatchObject({ repairId: opened.repairId, attempts: 8, state: 'awaiting_credentials' });
    const healthy = await act(stack, opened.repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'correct-horse' });
    expect(healthy.body.outcome).toBe('healthy');
  });
});

describe('operators', () => {
  it('can list "all Uber Eats repairs waiting for a code" by search attributes', async () => {
    const m = await setUpMerchant(stack, { provider: 'uber_eats', stores: 3 });
    await sandboxAccount(stack, 'uber_eats', m.accountRef, { secondFactor: 'sms' });
    const opened = await report(stack, m.connectionId, invalidCredentials('uber_eats'));
    await act(stack, opened.repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'correct-horse' });
    const query = `ExecutionStatus = "Running" AND RepairProvider = "uber_eats" AND RepairState = "awaiting_verification_code" AND RepairOrgId = "${m.orgId}"`;
    const found = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const wf of stack.temporal.workflow.list({ query })) ids.push(wf.workflowId);
        return ids;
      },
      (ids) => ids.length > 0,
    );
    expect(found).toEqual([repairWorkflowId(m.connectionId)]);
    const description = await stack.temporal.workflow.getHandle(repairWorkflowId(m.connectionId)).describe();
    expect(description.searchAttributes).toMatchObject({ RepairStoreCount: [3], RepairErrorType: ['invalid_credentials'] });
    expect(await description.staticSummary()).toContain('Uber Eats');
  });
});

describe('secrets', () => {
  it('keeps passwords and codes out of workflow history and the database', async () => {
    const password = 'Sup3r-Secret-Pa55word!';
    const m = await setUpMerchant(stack, { provider: 'coupang_eats' });
    await sandboxAccount(stack, 'coupang_eats', m.accountRef, { password, secondFactor: 'sms' });
    const opened = await report(stack, m.connectionId, invalidCredentials('coupang_eats'));
    await act(stack, opened.repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password });
    const code = await lastCode(stack, 'coupang_eats', m.accountRef);
    expect((await act(stack, opened.repairId, 'verification-code', { actingUserId: m.owner, code })).body.outcome).toBe('healthy');

    const history = JSON.stringify(await stack.temporal.workflow.getHandle(repairWorkflowId(m.connectionId)).fetchHistory());
    expect(history).not.toContain(password);
    expect(history).not.toContain(code);
    expect(history).not.toContain(Buffer.from(password).toString('base64'));

    const conn = stack.db.orm.em.fork().getConnection();
    expect(await conn.execute('select count(*)::int as n from pending_secrets where repair_id = ?', [opened.repairId])).toEqual([{ n: 0 }]);
    const everything = JSON.stringify(await conn.execute('select * from repairs r join repair_events e on e.repair_id = r.id where r.id = ?', [opened.repairId]));
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(code);
  });
});

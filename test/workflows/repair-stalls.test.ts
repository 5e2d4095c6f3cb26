// Nothing stalls: a pairing that cannot finish (its secret unusable, its retries spent, a provider slower
// than the timers) hands the repair back to people and says so; a backend's "healthy" counts in every state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DefaultLogger, NativeConnection, Runtime, type LogEntry } from '@temporalio/worker';
import { createWorker } from '../../worker.js';
import { ruleFor } from '../../core/providers/index.js';
import { repairWorkflowId } from '../../workflows/repair/messages.js';
import { auth } from '../helpers/api.js';
import { act, eventually, repairDetail, report, sandboxAccount, setUpMerchant, startRepairStack, workerDependencies, type MerchantSetup, type RepairStack } from '../helpers/repair-stack.js';

// The worker's log lines, as an operator reads them (workflow logs go through the runtime's logger).
const logLines: LogEntry[] = [];
let stack: RepairStack;
beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN', (entry) => logLines.push(entry)) });
  stack = await startRepairStack({
    env: {
      PROVIDER_TIMEOUT_MS: '8000',
      // Escalations fall due while the slow pairing below is still under way.
      REPAIR_ESCALATE_EMERGENCY_MS: '1500',
      REPAIR_ESCALATE_SUPPORT_MS: '2500',
    },
  });
});
afterAll(async () => stack?.close());

const invalidCredentials = (provider: string) => ruleFor(provider, 'invalid_credentials')!.code;
const sql = (text: string, params: unknown[] = []) => stack.db.orm.em.fork().getConnection().execute(text, params as never[]);

async function stopWorker(): Promise<void> {
  stack.worker.shutdown();
  await eventually(async () => stack.worker.getState(), (s) => s === 'STOPPED');
}

/** A fresh worker for the stack, optionally with other settings than the API's. */
async function startWorker(config = stack.config): Promise<void> {
  const connection = await NativeConnection.connect({ address: stack.config.temporal.address });
  stack.worker = await createWorker(workerDependencies(config, stack.db, stack.temporal, connection));
  void stack.worker.run().finally(() => connection.close());
}

/** Submits an entry (credentials unless told) while no worker runs, lets `meanwhile` change the world, then brings a worker back. */
async function submitWhileWorkerIsAway(m: MerchantSetup, repairId: string, meanwhile: () => Promise<void>, config = stack.config, entry?: { action: string; payload: object }) {
  await stopWorker();
  const answer = act(stack, repairId, entry?.action ?? 'credentials', entry?.payload ?? { actingUserId: m.owner, username: m.accountRef, password: 'fresh-pw-123' });
  await eventually(() => sql('select count(*)::int as n from pending_secrets where repair_id = ?', [repairId]), (rows) => (rows[0] as { n: number }).n === 1);
  await meanwhile();
  await startWorker(config);
  return answer;
}

async function openRepair(provider: string, settings: Record<string, unknown> = {}) {
  const m = await setUpMerchant(stack, { provider, stores: 1 });
  await sandboxAccount(stack, provider, m.accountRef, { password: 'fresh-pw-123', ...settings });
  const opened = await report(stack, m.connectionId, invalidCredentials(provider));
  await eventually(() => repairDetail(stack, opened.repairId), (d) => d.history.some((h) => h.kind === 'reported'));
  return { m, repairId: opened.repairId };
}

describe('a pairing that cannot finish', () => {
  it('fails after its retries: the repair waits for people again, says "try again" and the operator log names it', async () => {
    const { m, repairId } = await openRepair('deliveroo');
    // The secret's column is gone while the worker reads it: every attempt fails with a database error.
    const answer = await submitWhileWorkerIsAway(m, repairId, async () => void (await sql('alter table pending_secrets rename column sealed to sealed_away')));
    try {
      expect(answer.status).toBe(200);
      expect(answer.body.outcome).toBe('pairing_failed');
    } finally {
      await sql('alter table pending_secrets rename column sealed_away to sealed');
    }
    const detail = await repairDetail(stack, repairId, m.owner);
    expect(detail).toMatchObject({ state: 'awaiting_credentials', lastOutcome: 'pairing_failed' });
    expect(detail.allowedActions).toContain('submit_credentials');
    expect(logLines.some((l) => l.message.startsWith('repair stalled: pairing failed') && l.meta?.repairId === repairId)).toBe(true);
    const description = await stack.temporal.workflow.getHandle(repairWorkflowId(m.connectionId)).describe();
    expect(description.searchAttributes.RepairState).toEqual(['awaiting_credentials']);

    const healed = await act(stack, repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'fresh-pw-123' });
    expect(healed.body.outcome).toBe('healthy');
  });

  it('reports an entry that expired before pairing read it as expired, not as a wrong password', async () => {
    const { m, repairId } = await openRepair('jahez');
    const answer = await submitWhileWorkerIsAway(m, repairId, async () => void (await sql("update pending_secrets set expires_at = now() - interval '1 minute' where repair_id = ?", [repairId])));
    expect(answer.body.outcome).toBe('entry_expired');
    const detail = await repairDetail(stack, repairId, m.owner);
    expect(detail).toMatchObject({ state: 'awaiting_credentials', lastOutcome: 'entry_expired' });
    expect(detail.allowedActions).toContain('submit_credentials');
  });

  it('reports an expired verification code entry as expired and keeps waiting for the code', async () => {
    const { m, repairId } = await openRepair('uber_eats', { secondFactor: 'sms' });
    expect((await act(stack, repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'fresh-pw-123' })).body.outcome).toBe('verification_required');
    const expire = async () => void (await sql("update pending_secrets set expires_at = now() - interval '1 minute' where repair_id = ?", [repairId]));
    const answer = await submitWhileWorkerIsAway(m, repairId, expire, stack.config, { action: 'verification-code', payload: { actingUserId: m.owner, code: '123456' } });
    expect(answer.body.outcome).toBe('entry_expired');
    const detail = await repairDetail(stack, repairId, m.owner);
    expect(detail).toMatchObject({ state: 'awaiting_verification_code', lastOutcome: 'entry_expired' });
    expect(detail.allowedActions).toContain('submit_verification_code');
  });

  it('asks to submit again, after one attempt, when the worker cannot decrypt the entry (SECRETS_KEYS differ)', async () => {
    const { m, repairId } = await openRepair('rappi');
    const otherKeys = { ...stack.config, secretKeys: { current: 'other', keys: { other: Buffer.alloc(32, 9) } } };
    const answer = await submitWhileWorkerIsAway(m, repairId, async () => undefined, otherKeys);
    try {
      expect(answer.body.outcome).toBe('submit_again');
      const detail = await repairDetail(stack, repairId, m.owner);
      expect(detail).toMatchObject({ state: 'awaiting_credentials', lastOutcome: 'submit_again' });
      const events = (await stack.temporal.workflow.getHandle(repairWorkflowId(m.connectionId)).fetchHistory()).events!;
      const pairings = events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'pairWithCredentials');
      const started = events.filter((e) => e.activityTaskStartedEventAttributes);
      expect(pairings).toHaveLength(1);
      expect(started.at(-1)?.activityTaskStartedEventAttributes?.attempt).toBe(1);
    } finally {
      await stopWorker();
      await startWorker();
    }
  });
});

describe('a slow pairing', () => {
  it('holds the timers that fall due meanwhile instead of re-arming them, and escalates once it ends', async () => {
    const { m, repairId } = await openRepair('baemin', { latencyMs: 5000 });
    const answer = await act(stack, repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'wrong-pw' });
    expect(answer.body.outcome).toBe('invalid_credentials');
    await eventually(() => repairDetail(stack, repairId), (d) => d.escalation === 'support');
    const events = (await stack.temporal.workflow.getHandle(repairWorkflowId(m.connectionId)).fetchHistory()).events!;
    const tinyTimers = events.filter((e) => {
      const t = e.timerStartedEventAttributes?.startToFireTimeout;
      return t && Number(t.seconds ?? 0) === 0 && (t.nanos ?? 0) <= 1_000_000;
    });
    expect(tinyTimers).toEqual([]);
  });

  it('ends as repaired elsewhere when a backend reports the connection healthy during the pairing', async () => {
    const { m, repairId } = await openRepair('doordash', { latencyMs: 4000 });
    const answer = act(stack, repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'wrong-pw' });
    await eventually(() => repairDetail(stack, repairId), (d) => d.state === 'verifying');
    const healthy = await stack.app.inject({ method: 'POST', url: `/v1/connections/${m.connectionId}/healthy`, headers: auth() });
    expect(healthy.json()).toMatchObject({ repairId, signalled: true });
    expect((await answer).body.outcome).toBe('invalid_credentials');
    await eventually(() => repairDetail(stack, repairId), (d) => d.state === 'repaired_elsewhere');
  });
});

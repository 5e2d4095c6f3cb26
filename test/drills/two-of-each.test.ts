// Workers and API replicas share nothing but Temporal and PostgreSQL: two worker processes and two
// API processes (as production starts them) carry one repair, whichever replica answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleFor } from '../../core/providers/index.js';
import { auth } from '../helpers/api.js';
import { startApiProcess, startWorkerProcess, type ApiProcess, type WorkerProcess } from '../helpers/stack-processes.js';
import { eventually, lastCode, sandboxAccount, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
const workers: WorkerProcess[] = [];
const apis: ApiProcess[] = [];
beforeAll(async () => {
  stack = await startRepairStack();
  // Only the processes serve the stack's task queue.
  stack.worker.shutdown();
  await eventually(async () => stack.worker.getState(), (s) => s === 'STOPPED');
  workers.push(...(await Promise.all([startWorkerProcess(stack), startWorkerProcess(stack)])));
  apis.push(...(await Promise.all([startApiProcess(stack), startApiProcess(stack)])));
});
afterAll(async () => {
  for (const p of [...apis, ...workers]) await p.kill();
  await stack?.close();
});

async function post(api: ApiProcess, path: string, body: object): Promise<Record<string, unknown>> {
  const res = await fetch(api.url + path, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, ...((await res.json()) as object) };
}

describe('two worker processes and two API processes', () => {
  it('carry one repair from report to healthy, whichever replica answers', async () => {
    const m = await setUpMerchant(stack, { provider: 'rappi' });
    await sandboxAccount(stack, 'rappi', m.accountRef, { secondFactor: 'sms' });
    const code = ruleFor('rappi', 'invalid_credentials')!.code;
    const reported = await post(apis[0]!, '/v1/disconnections', { connectionId: m.connectionId, errorCode: code });
    expect(reported).toMatchObject({ status: 202, joined: false });
    const repairId = reported.repairId as string;
    expect(await post(apis[1]!, '/v1/disconnections', { connectionId: m.connectionId, errorCode: code })).toMatchObject({ status: 202, repairId, joined: true });

    const credentials = await post(apis[1]!, `/v1/repairs/${repairId}/credentials`, { actingUserId: m.owner, username: m.accountRef, password: 'correct-horse' });
    expect(credentials).toMatchObject({ status: 200, outcome: 'verification_required' });
    const done = await post(apis[0]!, `/v1/repairs/${repairId}/verification-code`, { actingUserId: m.owner, code: await lastCode(stack, 'rappi', m.accountRef) });
    expect(done).toMatchObject({ status: 200, outcome: 'healthy' });
    // Either replica reads the same outcome from PostgreSQL.
    for (const api of apis) {
      const detail = (await (await fetch(`${api.url}/v1/repairs/${repairId}`, { headers: auth() })).json()) as { state: string };
      expect(detail.state).toBe('healthy');
    }
  });

  it('keeps serving when one worker process dies', async () => {
    await workers[0]!.kill();
    const m = await setUpMerchant(stack, { provider: 'glovo', stores: 1 });
    await sandboxAccount(stack, 'glovo', m.accountRef, { password: 'after-one-died' });
    const reported = await post(apis[1]!, '/v1/disconnections', { connectionId: m.connectionId, errorCode: ruleFor('glovo', 'invalid_credentials')!.code });
    const healed = await post(apis[0]!, `/v1/repairs/${reported.repairId as string}/credentials`, { actingUserId: m.owner, username: m.accountRef, password: 'after-one-died' });
    expect(healed).toMatchObject({ status: 200, outcome: 'healthy' });
  });
});

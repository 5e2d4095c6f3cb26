// Workers and API replicas share nothing but Temporal and PostgreSQL: two of each serve one repair.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.js';
import { ruleFor } from '../../providers/index.js';
import { createWorker } from '../../worker.js';
import { auth } from '../helpers/api.js';
import { eventually, lastCode, sandboxAccount, setUpMerchant, startRepairStack, workerDependencies, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
let secondWorker: Worker;
let secondApi: FastifyInstance;
let secondConnection: NativeConnection;
beforeAll(async () => {
  stack = await startRepairStack();
  secondConnection = await NativeConnection.connect({ address: stack.config.temporal.address });
  secondWorker = await createWorker(workerDependencies(stack.config, stack.db, stack.temporal, secondConnection));
  void secondWorker.run();
  secondApi = await buildApp({ config: stack.config, orm: stack.db.orm, temporal: stack.temporal }, { logger: false });
  await secondApi.ready();
});
afterAll(async () => {
  await secondApi?.close();
  if (secondWorker?.getState() === 'RUNNING') secondWorker.shutdown();
  await eventually(async () => secondWorker.getState(), (s) => s === 'STOPPED' || s === 'FAILED');
  await secondConnection?.close();
  await stack?.close();
});

describe('two workers and two API replicas', () => {
  it('carry one repair from report to healthy, whichever replica answers', async () => {
    const m = await setUpMerchant(stack, { provider: 'rappi' });
    await sandboxAccount(stack, 'rappi', m.accountRef, { secondFactor: 'sms' });
    const apis = [stack.app, secondApi];
    const reported = await apis[0]!.inject({ method: 'POST', url: '/v1/disconnections', headers: auth(), payload: { connectionId: m.connectionId, errorCode: ruleFor('rappi', 'invalid_credentials')!.code } });
    const repairId = (reported.json() as { repairId: string }).repairId;
    const joined = await apis[1]!.inject({ method: 'POST', url: '/v1/disconnections', headers: auth(), payload: { connectionId: m.connectionId, errorCode: ruleFor('rappi', 'invalid_credentials')!.code } });
    expect(joined.json()).toMatchObject({ repairId, joined: true });

    const credentials = await apis[1]!.inject({ method: 'POST', url: `/v1/repairs/${repairId}/credentials`, headers: auth(), payload: { actingUserId: m.owner, username: m.accountRef, password: 'correct-horse' } });
    expect((credentials.json() as { outcome: string }).outcome).toBe('verification_required');
    const code = await lastCode(stack, 'rappi', m.accountRef);
    const done = await apis[0]!.inject({ method: 'POST', url: `/v1/repairs/${repairId}/verification-code`, headers: auth(), payload: { actingUserId: m.owner, code } });
    expect((done.json() as { outcome: string }).outcome).toBe('healthy');
  });
});

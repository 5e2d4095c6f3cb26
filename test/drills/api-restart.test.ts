// Fault drill: the API restarts in the middle of a burst of reports. Every report that got its 202
// has its repair; the ones cut off got no 202 (the caller retries them), nothing is half-accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.js';
import { Repair } from '../../core/db/entities/index.js';
import { freePort } from '../../dev/ports.js';
import { ruleFor } from '../../core/providers/index.js';
import { auth } from '../helpers/api.js';
import { eventually, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
let api: FastifyInstance;
let port: number;
const serve = async () => {
  api = await buildApp({ config: stack.config, orm: stack.db.orm, temporal: stack.temporal }, { logger: false });
  await api.listen({ port, host: '127.0.0.1' });
};
beforeAll(async () => {
  stack = await startRepairStack();
  port = await freePort();
  await serve();
});
afterAll(async () => {
  await api?.close();
  await stack?.close();
});

describe('API restart during a burst', () => {
  it('keeps every report that was answered 202', async () => {
    const connections: string[] = [];
    for (let i = 0; i < 12; i += 1) connections.push((await setUpMerchant(stack, { provider: 'glovo', stores: 1 })).connectionId);
    const code = ruleFor('glovo', 'invalid_credentials')!.code;
    const send = async (connectionId: string) => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/v1/disconnections`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ connectionId, errorCode: code }) });
        return res.status === 202 ? ((await res.json()) as { repairId: string }).repairId : null;
      } catch {
        return null;
      }
    };
    const first = await Promise.all(connections.slice(0, 6).map(send));
    const restart = api.close().then(serve);
    const during = await Promise.all(connections.slice(6).map(send));
    await restart;
    // The callers of the cut-off reports retry them, as a 5xx or a refused connection asks.
    const retried = await Promise.all(connections.slice(6).map((c, i) => (during[i] ? Promise.resolve(during[i]) : send(c))));

    const accepted = [...first, ...retried].filter((id): id is string => id !== null);
    expect(accepted).toHaveLength(12);
    await eventually(() => stack.db.orm.em.fork().count(Repair, { id: { $in: accepted } }), (n) => n === 12);
    expect(await stack.db.orm.em.fork().count(Repair, { connection: { $in: connections } })).toBe(12);
  });
});

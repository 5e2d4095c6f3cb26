// Fault drill: a backend in a retry storm sends 1,000 copies of one disconnection at once, over
// real HTTP, all in flight together (each on a connection of its own). They make exactly one repair: one answer, one row, one
// running workflow, every report counted. The API's promise to such a client: every copy is
// answered 202, or 503 with Retry-After and accepted when retried then; a connection reset is a
// broken promise and fails the drill (the listen backlog, LISTEN_BACKLOG, holds the storm).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Repair } from '../../core/db/entities/index.js';
import { repairWorkflowId } from '../../workflows/repair/messages.js';
import { auth } from '../helpers/api.js';
import { errorCode, eventually, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

const COPIES = 1000;
let stack: RepairStack;
beforeAll(async () => {
  stack = await startRepairStack({ listen: true });
});
afterAll(async () => stack?.close());

/** Retries after a 503, as long as the answer says when: the client the API's promise is made to. */
const MAX_ATTEMPTS = 5;
let retriedAfter503 = 0;

async function reportOverHttp(connectionId: string, code: string): Promise<{ status: number; repairId?: string; retryAfter?: string | null }> {
  for (let attempt = 1; ; attempt += 1) {
    // A reset or refused connection throws here and fails the drill: it is not retried.
    const res = await fetch(`${stack.config.publicUrl}/v1/disconnections`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ connectionId, errorCode: code }),
    });
    const body = (await res.json()) as { repairId?: string };
    const retryAfter = res.headers.get('retry-after');
    if (res.status === 503 && retryAfter && /^\d+$/.test(retryAfter) && attempt < MAX_ATTEMPTS) {
      retriedAfter503 += 1;
      // The wait the API asked for: part of the protocol under test, not a guess at timing.
      await new Promise((resolve) => setTimeout(resolve, Number(retryAfter) * 1000));
      continue;
    }
    return { status: res.status, repairId: body.repairId, retryAfter };
  }
}

describe('1,000 duplicate reports at once', () => {
  it('make exactly one repair', async () => {
    const m = await setUpMerchant(stack, { provider: 'uber_eats', stores: 1 });
    const code = errorCode('uber_eats', 'invalid_credentials');

    const answers = await Promise.all(Array.from({ length: COPIES }, () => reportOverHttp(m.connectionId, code)));
    const statuses = new Map<number, number>();
    for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    // Every copy accepted, some perhaps after a 503 with Retry-After (retriedAfter503 of them).
    expect(Object.fromEntries(statuses), `${retriedAfter503} retries after 503`).toEqual({ 202: COPIES });
    const repairIds = new Set(answers.map((a) => a.repairId));
    expect(repairIds.size).toBe(1);
    const [repairId] = [...repairIds] as string[];

    expect(await stack.db.orm.em.fork().count(Repair, { connection: m.connectionId })).toBe(1);
    const running = async () => {
      const runs: string[] = [];
      for await (const w of stack.temporal.workflow.list({ query: `WorkflowId = '${repairWorkflowId(m.connectionId)}' AND ExecutionStatus = 'Running'` })) runs.push(w.runId);
      return runs.length;
    };
    expect(await eventually(running, (n) => n === 1)).toBe(1);

    // The repair's readable copy counts every report, each once.
    const reportCount = async () => ((await stack.app.inject({ method: 'GET', url: `/v1/repairs/${repairId}`, headers: auth() })).json() as { reportCount: number }).reportCount;
    expect(await eventually(reportCount, (n) => n === COPIES)).toBe(COPIES);
  }, 240_000);
});

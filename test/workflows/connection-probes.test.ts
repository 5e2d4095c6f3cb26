// Proactive detection: a probe finds a broken account and opens a repair after two failed checks in a
// row, joins rather than twins a reported repair, and a healthy check ends a repair as repaired elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleFor } from '../../core/providers/index.js';
import { ensureProbeSchedules } from '../../core/temporal/probe-schedules.js';
import { probeScheduleId, type ConnectionProbeInput, type ProbeSummary } from '../../workflows/connection-probe/messages.js';
import { eventually, repairDetail, report, sandboxAccount, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';
import { Repair } from '../../core/db/entities/index.js';

let stack: RepairStack;
beforeAll(async () => {
  stack = await startRepairStack();
});
afterAll(async () => stack?.close());

const probe = (provider: string): Promise<ProbeSummary> =>
  stack.temporal.workflow.execute('connectionProbeWorkflow', {
    taskQueue: stack.config.temporal.taskQueue,
    workflowId: `probe-test-${provider}-${Date.now()}-${Math.random()}`,
    args: [{ version: 1, provider, batchSize: 2, delayBetweenChecksMs: 10, failuresBeforeRepair: 2 } satisfies ConnectionProbeInput],
  });

describe('proactive probes', () => {
  it('opens a repair only after two failed checks in a row, and a report then joins it', async () => {
    const m = await setUpMerchant(stack, { provider: 'baemin' });
    await sandboxAccount(stack, 'baemin', m.accountRef, { storeStatus: 'inactive' });
    const first = await probe('baemin');
    expect(first.failing).toBeGreaterThanOrEqual(1);
    expect(await stack.db.orm.em.fork().count(Repair, { connection: m.connectionId })).toBe(0);

    await probe('baemin');
    const opened = await eventually(() => stack.db.orm.em.fork().find(Repair, { connection: m.connectionId }), (rows) => rows.length === 1);
    expect(opened[0]).toMatchObject({ errorType: 'invalid_store_config', cause: 'store_inactive' });

    const reported = await report(stack, m.connectionId, ruleFor('baemin', 'invalid_store_config', 'store_inactive')!.code);
    expect(reported).toMatchObject({ repairId: opened[0]!.id, joined: true });
    expect(await stack.db.orm.em.fork().count(Repair, { connection: m.connectionId })).toBe(1);

    // Fixed in the portal: the next probe sees it healthy and the repair ends as repaired elsewhere.
    await sandboxAccount(stack, 'baemin', m.accountRef, { storeStatus: 'active' });
    await probe('baemin');
    await eventually(() => repairDetail(stack, opened[0]!.id), (d) => d.state === 'repaired_elsewhere');
  });

  it('schedules a probe per provider, idempotently', async () => {
    const ids = await ensureProbeSchedules(stack.temporal, { ...stack.config, probes: { ...stack.config.probes, intervalMs: 3600_000 } });
    await ensureProbeSchedules(stack.temporal, stack.config);
    expect(ids).toHaveLength(15);
    const description = await stack.temporal.schedule.getHandle(probeScheduleId('uber_eats')).describe();
    expect(description.spec.intervals?.[0]?.every).toBe(stack.config.probes.intervalMs);
    for (const id of ids) await stack.temporal.schedule.getHandle(id).delete();
  });
});

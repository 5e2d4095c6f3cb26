// A report whose workflow start failed (and was never retried) leaves an open repair with no workflow:
// the reconciler finds it, starts it once, and the repair proceeds; the operator's log line names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';
import { ruleFor } from '../../core/providers/index.js';
import { acceptReport } from '../../core/services/repairs/accept-report.js';
import { ensureReconcileSchedule } from '../../core/temporal/reconcile-schedule.js';
import { repairSnapshotQuery, repairWorkflowId } from '../../workflows/repair/messages.js';
import { eventually, repairDetail, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';
import { wakeMarkOf } from '../helpers/wake-marks.js';

const logLines: LogEntry[] = [];
let stack: RepairStack;
beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN', (entry) => logLines.push(entry)) });
  stack = await startRepairStack({ env: { REPAIR_RECONCILE_AFTER_MS: '1000' } });
});
afterAll(async () => stack?.close());

/** A Temporal that refuses every start, as during an outage of the frontend. */
const unreachableTemporal = { workflow: { signalWithStart: async () => Promise.reject(new Error('14 UNAVAILABLE: connection refused')) } } as unknown as Client;

const runReconciler = (id: string) =>
  stack.temporal.workflow.execute('repairReconcileWorkflow', { workflowId: `reconcile-${id}`, taskQueue: stack.config.temporal.taskQueue, args: [{ version: 1 }] }) as Promise<{ checked: number; started: string[] }>;

describe('the repair reconciler', () => {
  it('starts an open repair whose workflow start failed, once, and the repair proceeds', async () => {
    const m = await setUpMerchant(stack, { provider: 'doordash', stores: 1 });
    const connection = { connectionId: m.connectionId, orgId: m.orgId, provider: 'doordash', accountRef: m.accountRef, storeIds: m.storeIds };
    const ctx = { temporal: unreachableTemporal, taskQueue: stack.config.temporal.taskQueue, repairTimings: stack.config.repairTimings, alertWindowMs: stack.config.alertWindowMs };
    await expect(acceptReport(stack.db.orm.em.fork(), ctx, connection, { errorCode: ruleFor('doordash', 'invalid_credentials')!.code, source: 'api' })).rejects.toThrow('UNAVAILABLE');
    const [row] = await stack.db.orm.em.fork().getConnection().execute<{ id: string }[]>('select id from repairs where connection_id = ? and resolved_at is null', [m.connectionId]);
    const repairId = row!.id;
    const handle = stack.temporal.workflow.getHandle(repairWorkflowId(m.connectionId));
    await expect(handle.describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    // Nobody is alerted about a repair no workflow has: its first alert waits for a start that
    // succeeds (the caller's retry, or the reconciler's, whose opening records it), and no wake mark
    // is left promising a signal that never came.
    expect(await stack.db.orm.em.fork().getConnection().execute('select id from notification_intents where repair_id = ?', [repairId])).toEqual([]);
    expect(await wakeMarkOf(stack, m.orgId)).toBeUndefined();

    // Past the grace period the sweep starts it (a first sweep may come too early: poll).
    const swept = await eventually(() => runReconciler(`${repairId}-${Date.now()}`), (r) => r.started.includes(repairId));
    expect(swept.started).toEqual([repairId]);
    const detail = await eventually(() => repairDetail(stack, repairId), (d) => d.history.some((h) => h.kind === 'reported'));
    expect(detail).toMatchObject({ state: 'awaiting_credentials', errorType: 'invalid_credentials' });
    expect(logLines.some((l) => l.message.startsWith('repair reconciled') && l.meta?.repairId === repairId)).toBe(true);

    // Idempotent: the next sweep finds nothing to do, and the repair counted one report.
    expect((await runReconciler(`${repairId}-again`)).started).toEqual([]);
    expect((await handle.query(repairSnapshotQuery)).reportCount).toBe(1);
  });

  it('is scheduled every minute by the worker, and scheduling again changes nothing', async () => {
    const id = await ensureReconcileSchedule(stack.temporal, stack.config);
    expect(await ensureReconcileSchedule(stack.temporal, stack.config)).toBe(id);
    const schedule = await stack.temporal.schedule.getHandle(id).describe();
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'repairReconcileWorkflow', taskQueue: stack.config.temporal.taskQueue });
    expect(schedule.spec.intervals).toEqual([expect.objectContaining({ every: 60_000 })]);
    await stack.temporal.schedule.getHandle(id).delete();
  });
});

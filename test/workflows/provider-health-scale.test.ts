// The provider-health workflow during a mass outage: tens of thousands of distinct failing
// connections must not grow its state (or its continue-as-new input) past Temporal's limits; it
// stays running, decides "degraded", and says so where operators look.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { ProviderStatus } from '../../core/db/entities/index.js';
import { providerFailureSignal, providerHealthQuery, type ProviderFailure, type ProviderHealthInput } from '../../workflows/provider-health/messages.js';
import type { providerHealthWorkflow } from '../../workflows/provider-health/provider-health.workflow.js';
import { eventually, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
beforeAll(async () => {
  stack = await startRepairStack();
});
afterAll(async () => stack?.close());

const FAILING = 20_000;
/** Signals sent before waiting for the workflow to have taken them in, ten at a time. */
const BATCH = 200;
const CONCURRENCY = 10;

/** A failure as a repair reports it, with ids as long as production's. */
const failure = (i: number): ProviderFailure => ({
  connectionId: `con_${String(i).padStart(8, '0')}${'x'.repeat(12)}`,
  accountRef: `just-eat-merchant-account-${String(i).padStart(8, '0')}`,
  repairId: `rep_${String(i).padStart(8, '0')}${'y'.repeat(12)}`,
  code: 'UPSTREAM_UNAVAILABLE',
  at: Date.now(),
});

/** Every run's continue-as-new input (bytes, carried failures), following the chain from the first run. */
async function continueAsNewInputs(handle: WorkflowHandle<typeof providerHealthWorkflow>, firstRunId: string) {
  const inputs: { bytes: number; carried: number }[] = [];
  let runId: string | undefined = firstRunId;
  while (runId) {
    const history: temporal.api.history.v1.IHistory = await stack.temporal.workflow.getHandle(handle.workflowId, runId).fetchHistory();
    const last: temporal.api.history.v1.IWorkflowExecutionContinuedAsNewEventAttributes | null | undefined = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes;
    if (!last) break;
    const payload = last.input?.payloads?.[0];
    const data = payload?.data ? Buffer.from(payload.data) : Buffer.alloc(0);
    inputs.push({ bytes: data.length, carried: (JSON.parse(data.toString('utf8')) as ProviderHealthInput).carried?.failures.length ?? 0 });
    runId = last.newExecutionRunId ?? undefined;
  }
  return inputs;
}

describe('provider health at scale', () => {
  it(`stays running with ${FAILING} distinct failing connections, decides degraded, and continues as new with a small input`, async () => {
    const workflowId = `provider-health-scale-${randomUUID()}`;
    // Recheck far away: the provider stays degraded while the failures keep coming.
    const input: ProviderHealthInput = { version: 1, provider: 'just_eat', threshold: 15_000, windowMs: 3_600_000, recheckMs: 3_600_000 };
    const handle = await stack.temporal.workflow.signalWithStart<typeof providerHealthWorkflow, [ProviderFailure]>('providerHealthWorkflow', {
      workflowId,
      taskQueue: stack.config.temporal.taskQueue,
      args: [input],
      signal: providerFailureSignal,
      signalArgs: [failure(0)],
    });
    const firstRunId = handle.signaledRunId;
    const current = () => stack.temporal.workflow.getHandle(workflowId);
    for (let start = 1; start < FAILING; start += BATCH) {
      const end = Math.min(start + BATCH, FAILING);
      for (let i = start; i < end; i += CONCURRENCY) {
        await Promise.all(Array.from({ length: Math.min(CONCURRENCY, end - i) }, (_, k) => current().signal(providerFailureSignal, failure(i + k))));
      }
      // Paced like repairs reporting, so that one workflow task never has thousands of signals.
      await eventually(() => current().query(providerHealthQuery), (view) => view.reports >= end, 60_000);
    }
    const view = await current().query(providerHealthQuery);
    expect(view).toMatchObject({ degraded: true, reports: FAILING });
    expect(view.tracked).toBeLessThanOrEqual(2_000);

    const status = await eventually(
      async () => (await stack.db.orm.em.fork().findOne(ProviderStatus, { provider: 'just_eat' }))?.degraded ?? false,
      (degraded) => degraded,
      120_000,
    );
    expect(status).toBe(true);
    const described = await eventually(() => stack.temporal.workflow.getHandle(workflowId).describe(), (d) => d.searchAttributes.RepairState?.[0] === 'provider_degraded', 60_000);
    expect(described.status.name).toBe('RUNNING');

    const inputs = await continueAsNewInputs(handle, firstRunId);
    expect(inputs.length).toBeGreaterThan(0);
    // Far below Temporal's 2 MB payload limit (and its 512 KB warning), whatever the outage's size.
    for (const { bytes, carried } of inputs) {
      expect(bytes).toBeLessThan(512 * 1024);
      expect(carried).toBeLessThanOrEqual(2_000);
    }
    await handle.terminate('test over');
  }, 600_000);
});

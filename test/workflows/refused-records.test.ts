// A payload PostgreSQL refuses (here a NUL, forced past the API's door straight into the workflow
// update) fails that one action once and clearly; the repair stays usable for the next action.
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../../core/services/problem.js';
import { actOnRepair } from '../../core/services/repairs/repair-actions.js';
import { SecretBox } from '../../core/secrets/secret-box.js';
import { requestSupportUpdate } from '../../workflows/repair/messages.js';
import { act, setUpMerchant, report, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
beforeAll(async () => {
  stack = await startRepairStack();
});
afterAll(async () => stack?.close());

describe('a record the database refuses', () => {
  it('fails the update once with RecordRefused, and the next action on the repair works', async () => {
    const m = await setUpMerchant(stack, { provider: 'tiny_local_delivery' });
    const opened = await report(stack, m.connectionId, 'ANYTHING_AT_ALL');
    const handle = stack.temporal.workflow.getHandle(opened.workflowId);

    const refused = await handle.executeUpdate(requestSupportUpdate, { args: [{ actingUserId: m.viewer, message: 'Tablet off\u0000line' }] }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    const failure = (refused as WorkflowUpdateFailedError).cause as ApplicationFailure;
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure.type).toBe('RecordRefused');
    expect(failure.message).toMatch(/SQLSTATE 22P05/);
    expect(failure.message).not.toContain('Tablet');
    // Not retried as a transient fault (retried, the update would never answer).
    expect(failure.nonRetryable).toBe(true);

    const asked = await act(stack, opened.repairId, 'support', { actingUserId: m.viewer, message: 'Our tablet shows no orders since noon.' });
    expect(asked.status).toBe(201);
    expect(asked.body.outcome).toBe('support_requested');
    expect(asked.body.repair.history.at(-1)).toMatchObject({ kind: 'support_requested', actorUserId: m.viewer });
    expect(asked.body.repair.history.filter((event) => event.kind === 'support_requested')).toHaveLength(1);
  });

  it('answers the API caller 422, not 409 or 5xx, when the same reaches the action service', async () => {
    const m = await setUpMerchant(stack, { provider: 'tiny_local_delivery' });
    const opened = await report(stack, m.connectionId, 'ANYTHING_AT_ALL');
    const em = stack.db.orm.em.fork();
    const ctx = { temporal: stack.temporal, secretBox: new SecretBox(stack.config.secretKeys.keys, stack.config.secretKeys.current) };
    const refused = await actOnRepair(em, ctx, 'request_support', { repairId: opened.repairId, actingUserId: m.viewer, message: 'Tablet\u0000' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).status).toBe(422);
    expect((refused as ProblemError).message).toMatch(/could not be recorded/);
    expect((await act(stack, opened.repairId, 'support', { actingUserId: m.viewer, message: 'Still no orders.' })).body.outcome).toBe('support_requested');
  });
});

// The schedule that runs the repair reconciler every minute. Idempotent: an existing schedule is
// updated to the current settings.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { AppConfig } from '../config/config.js';
import type { repairReconcileWorkflow } from '../../workflows/repair-reconcile/repair-reconcile.workflow.js';

export const RECONCILE_SCHEDULE_ID = 'repair-reconcile';

export async function ensureReconcileSchedule(client: Client, config: AppConfig): Promise<string> {
  const options: ScheduleOptions<ScheduleOptionsStartWorkflowAction<typeof repairReconcileWorkflow>> = {
    scheduleId: RECONCILE_SCHEDULE_ID,
    spec: { intervals: [{ every: '1 minute' }] },
    action: { type: 'startWorkflow', workflowType: 'repairReconcileWorkflow', taskQueue: config.temporal.taskQueue, args: [{ version: 1 }], staticSummary: 'Start open repairs whose workflow never started; wake notifiers behind stale wake marks' },
    policies: { overlap: ScheduleOverlapPolicy.SKIP },
  };
  try {
    await client.schedule.create(options);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(options.scheduleId).update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: options.policies }));
  }
  return options.scheduleId;
}

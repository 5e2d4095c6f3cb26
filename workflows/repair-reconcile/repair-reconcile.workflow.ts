// Run by a Temporal Schedule every minute (temporal/reconcile-schedule.ts): starts the open repairs
// whose workflow never started, and wakes the notifiers of stale wake marks with alerts waiting. The
// result (what it started and woke) shows in the Web UI for each run.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { ReconcileResult } from '../../activities/reconcile.activities.js';

// Bounded: a failed sweep ends the run (the operator sees it failed); the next minute's run tries again.
const sweep = proxyActivities<Pick<Activities, 'reconcileRepairs'>>({ startToCloseTimeout: '5 minutes', retry: { maximumAttempts: 3, initialInterval: '5 seconds' } });

export async function repairReconcileWorkflow(_input: { version: 1 }): Promise<ReconcileResult> {
  return sweep.reconcileRepairs();
}

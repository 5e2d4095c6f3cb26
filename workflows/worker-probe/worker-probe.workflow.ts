import { workflowInfo } from '@temporalio/workflow';
import type { WorkerProbeInput, WorkerProbeResult } from './messages.js';

/** Completes at once: proves that a worker polls the task queue (the launcher and the smoke test run it). */
export async function workerProbeWorkflow(_input: WorkerProbeInput): Promise<WorkerProbeResult> {
  return { answeredAt: new Date(workflowInfo().startTime).toISOString() };
}

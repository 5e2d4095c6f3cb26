// Every workflow's messages, task queue and id helpers: imported by the worker, the API and tests.

/** The task queue every repair workflow and activity runs on (overridable by TEMPORAL_TASK_QUEUE). */
export const DEFAULT_TASK_QUEUE = 'repair';

export interface WorkerProbeInput {
  version: 1;
  sentAt: string;
}
export interface WorkerProbeResult {
  answeredAt: string;
}

export const workerProbeWorkflowId = (nonce: string) => `worker-probe-${nonce}`;

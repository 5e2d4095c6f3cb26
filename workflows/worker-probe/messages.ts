// The worker probe workflow's messages, payload types and id helpers: the only file of this
// workflow that clients (the API, the worker, tests) import.

export interface WorkerProbeInput {
  version: 1;
  sentAt: string;
}
export interface WorkerProbeResult {
  answeredAt: string;
}
export const workerProbeWorkflowId = (nonce: string) => `worker-probe-${nonce}`;

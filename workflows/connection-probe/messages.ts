// The connection probe (a Schedule per provider) workflow's messages, payload types and id helpers: the only file of this
// workflow that clients (the API, the worker, tests) import.

export const probeScheduleId = (provider: string) => `probe-${provider}`;

export interface ConnectionProbeInput {
  version: 1;
  provider: string;
  batchSize: number;
  /** Pause between two checks, from the provider's rate limit. */
  delayBetweenChecksMs: number;
  /** Failed checks in a row before a repair opens. */
  failuresBeforeRepair: number;
}

export interface ProbeSummary {
  checked: number;
  healthy: number;
  failing: number;
  repairsOpened: number;
  repairsClosed: number;
}

// The printer watch (one per cloud printer) workflow's messages, payload types and id helpers: the
// only file of this workflow that clients (the API, the worker, tests) import.

export const printerWatchWorkflowId = (printerId: string) => `printer-watch-${printerId}`;

export interface PrinterWatchInput {
  version: 1;
  printerId: string;
  staleAfterMs: number;
  checkEveryMs: number;
  /** Carried over continue-as-new. */
  state?: PrinterWatchState;
}

export interface PrinterWatchState {
  /** The poll count seen last, and when (workflow time) it last changed. */
  pollCount: number;
  changedAt: number;
  offline: boolean;
}

/** What the watch reads each time: null once the printer is gone (the watch ends). */
export type PrinterPolls = { pollCount: number } | null;

export type PrinterAlertState = 'offline' | 'back';

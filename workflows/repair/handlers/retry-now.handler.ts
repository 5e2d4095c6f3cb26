// The provider's health workflow saw the provider recover: a retrying repair tries at once.
import { setHandler } from '@temporalio/workflow';
import { retryNowSignal } from '../../provider-health/messages.js';
import type { RepairRun } from '../repair-run.js';

export function handleRetryNow(run: RepairRun): void {
  setHandler(retryNowSignal, () => {
    run.retryNow = true;
  });
}

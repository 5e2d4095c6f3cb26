// A lock for workflow code: people's actions (and the repair's own retries) pair one after another,
// never interleaved at their awaits, as in the samples' "safe message handlers". condition() keeps
// it deterministic: the waiter whose predicate claims the lock first runs first.
import { condition } from '@temporalio/workflow';

export class OneAtATime {
  private busy = false;

  async run<T>(work: () => Promise<T>): Promise<T> {
    // The predicate claims the lock itself, so two waiters released together cannot both enter.
    await condition(() => !this.busy && (this.busy = true));
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }
}

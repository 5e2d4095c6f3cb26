// Heartbeats while slow work (a provider's login, an SMTP server) runs, so a worker that dies in
// the middle is noticed within the activity's heartbeat timeout instead of its whole timeout.
// A heartbeat is also how an activity learns it was paused (a degraded provider's pairings are:
// activities/provider-pause.ts) or cancelled: it stops waiting at once, and Temporal holds its
// retry until it is unpaused. The abandoned call's own answer is dropped.
import { Context } from '@temporalio/activity';

export async function heartbeating<T>(work: Promise<T>, everyMs = 2_000): Promise<T> {
  const context = Context.current();
  const timer = setInterval(() => context.heartbeat(), everyMs);
  work.catch(() => undefined);
  try {
    return await Promise.race([work, context.cancelled]);
  } finally {
    clearInterval(timer);
  }
}

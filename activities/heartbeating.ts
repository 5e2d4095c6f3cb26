// Heartbeats while slow work (a provider's login, an SMTP server) runs, so a worker that dies in
// the middle is noticed within the activity's heartbeat timeout instead of its whole timeout.
// A heartbeat is also how an activity learns it was paused (a degraded provider's pairings are:
// activities/provider-pause.ts). Work that may safely be asked again (a pairing) stops waiting at
// once, and Temporal holds its retry until it is unpaused; the abandoned call's answer is dropped.
// Other work (an e-mail being sent) always runs to its end: stopping it could send it twice.
import { Context } from '@temporalio/activity';

export async function heartbeating<T>(work: Promise<T>, options: { everyMs?: number; stopWhenPaused?: boolean } = {}): Promise<T> {
  const context = Context.current();
  const timer = setInterval(() => context.heartbeat(), options.everyMs ?? 2_000);
  try {
    if (!options.stopWhenPaused) return await work;
    work.catch(() => undefined);
    const paused = context.cancelled.then(
      () => new Promise<never>(() => undefined),
      (error: unknown) => (context.cancellationDetails?.paused ? Promise.reject(error) : new Promise<never>(() => undefined)),
    );
    return await Promise.race([work, paused]);
  } finally {
    clearInterval(timer);
  }
}

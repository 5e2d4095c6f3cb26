// Heartbeats while slow work (a provider's login, an SMTP server) runs, so a worker that dies in
// the middle is noticed within the activity's heartbeat timeout instead of its whole timeout.
import { Context } from '@temporalio/activity';

export async function heartbeating<T>(work: Promise<T>, everyMs = 2_000): Promise<T> {
  const context = Context.current();
  const timer = setInterval(() => context.heartbeat(), everyMs);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

/** Retries `attempt` until it resolves, or fails after `timeoutMs` with the last error. */
export async function waitFor(what: string, timeoutMs: number, attempt: () => Promise<void>, intervalMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await attempt();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
  throw new Error(`${what} was not ready after ${timeoutMs / 1000} s: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

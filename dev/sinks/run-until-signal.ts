// What every sink entry point does once listening: one line saying where it is, and a clean close
// on Ctrl-C or the launcher's SIGTERM.
export function runUntilSignal(name: string, description: string, close: () => Promise<unknown>): void {
  console.log(`${name}: ${description}`);
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${name}: could not close cleanly after ${signal}:`, error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Something a test file starts once before its tests and closes after them. The hooks run after
// the file's top level has been read, so callers get an accessor, not the thing itself.
import { afterAll, beforeAll } from 'vitest';

export interface Closable {
  close(): Promise<void>;
}

/** Registers the beforeAll that starts it and the afterAll that closes it (after hooks registered later: Vitest runs after-hooks as a stack). */
export function useStarted<T extends Closable>(start: () => Promise<T>): () => T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    await started?.close();
  });
  return () => {
    if (!started) throw new Error('Not started: read it inside a test or a hook, once beforeAll has run.');
    return started;
  };
}

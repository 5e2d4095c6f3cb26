// Reports every connection broken over HTTP, as fast as the API takes them.
import { ruleFor } from '../../core/providers/index.js';
import type { BenchLane } from './bench-lane.js';
import { inPool } from './bench-pool.js';
import type { SeededConnection } from './seed-merchants.js';

export const REPORT_CONCURRENCY = 64;

/** Reports per second accepted (every answer must be 202). */
export async function reportAll(stack: BenchLane, connections: readonly SeededConnection[]): Promise<number> {
  const started = Date.now();
  await inPool(connections, REPORT_CONCURRENCY, async (c) => {
    const res = await fetch(`${stack.api}/v1/disconnections`, { method: 'POST', headers: stack.headers, body: JSON.stringify({ connectionId: c.id, errorCode: ruleFor(c.provider, 'invalid_credentials')!.code }) });
    if (res.status !== 202) throw new Error(`report ${c.id}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  });
  return connections.length / ((Date.now() - started) / 1000);
}

/** Waits until the workflow of every one of these repairs has recorded it (revision > 0). */
export async function recordedCount(stack: BenchLane, connections: readonly SeededConnection[]): Promise<number> {
  const { rows } = await stack.db.query<{ n: number }>('select count(*)::int as n from repairs where revision > 0 and connection_id = any($1)', [connections.map((c) => c.id)]);
  return rows[0]!.n;
}

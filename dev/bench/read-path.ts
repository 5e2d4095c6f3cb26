// The read path under autocannon: an organization's repair list and one repair's detail, against
// /healthz on the same server in the same run.
import autocannon from 'autocannon';
import type { BenchLane } from './bench-lane.js';

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export const READ_CONNECTIONS = 10;

export async function loadOf(stack: BenchLane, path: string, seconds: number): Promise<LoadFigures> {
  const r = await autocannon({ url: stack.api + path, headers: stack.headers, connections: READ_CONNECTIONS, duration: seconds });
  return { requestsPerSecond: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors + r.non2xx };
}

export async function readPath(stack: BenchLane, orgId: string, seconds: number) {
  const list = await (await fetch(`${stack.api}/v1/repairs?orgId=${orgId}&state=open&limit=1`, { headers: stack.headers })).json() as { items: { id: string }[] };
  const repairId = list.items[0]!.id;
  await loadOf(stack, '/healthz', 2); // warm-up
  const healthz = await loadOf(stack, '/healthz', seconds);
  // Throughput over /healthz's (goal: list >= 0.1, detail >= 0.2) and p99 over /healthz's (goal: list <= 10).
  const ratio = (f: LoadFigures) => ({
    ...f,
    rpsRatioToHealthz: Math.round((f.requestsPerSecond / healthz.requestsPerSecond) * 1000) / 1000,
    p99RatioToHealthz: Math.round((f.p99Ms / Math.max(healthz.p99Ms, 1)) * 100) / 100,
  });
  const listFigures = ratio(await loadOf(stack, `/v1/repairs?orgId=${orgId}`, seconds));
  const detail = ratio(await loadOf(stack, `/v1/repairs/${repairId}`, seconds));
  return { connections: READ_CONNECTIONS, secondsEach: seconds, healthz, list: listFigures, detail };
}

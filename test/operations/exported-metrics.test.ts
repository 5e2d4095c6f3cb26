// The metric list the dashboard and the alert rules are checked against (test/helpers/exported-metrics.ts)
// is what the real processes serve: an API and a worker process, as production starts them, scraped
// on the ports Prometheus is configured with (core/config/metrics-targets.ts), after one repair.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { metricsTargets, metricsUrl, type MetricsTarget } from '../../core/config/metrics-targets.js';
import { freePort } from '../../dev/ports.js';
import { auth, testConfig } from '../helpers/api.js';
import { EXPORTED_METRICS } from '../helpers/exported-metrics.js';
import { startApiProcess, startWorkerProcess, type StackProcess } from '../helpers/stack-processes.js';
import { errorCode, eventually, sandboxAccount, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
const processes: StackProcess[] = [];
let targets: MetricsTarget[];
let apiUrl: string;

beforeAll(async () => {
  stack = await startRepairStack();
  // Only the worker process serves the stack's task queue, so its metrics see the repair.
  stack.worker.shutdown();
  await eventually(async () => stack.worker.getState(), (s) => s === 'STOPPED');
  const ports = { WORKER_METRICS_PORT: String(await freePort()), WORKER_SDK_METRICS_PORT: String(await freePort()), API_METRICS_PORT: String(await freePort()) };
  targets = metricsTargets(testConfig(ports));
  processes.push(await startWorkerProcess(stack, ports));
  const api = await startApiProcess(stack, ports);
  processes.push(api);
  apiUrl = api.url;
});
afterAll(async () => {
  for (const p of processes) await p.kill();
  await stack?.close();
});

/** Metric families in a Prometheus text exposition: declared (# TYPE) or sampled, histograms by base name. */
function families(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const line of exposition.split('\n')) {
    const declared = /^# TYPE (\S+) \S+/.exec(line)?.[1];
    const sampled = /^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]/.exec(line)?.[1];
    for (const name of [declared, sampled]) if (name) names.add(name).add(name.replace(/_(bucket|sum|count)$/, ''));
  }
  return names;
}

async function post(path: string, body: object): Promise<Record<string, unknown>> {
  const res = await fetch(apiUrl + path, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, ...((await res.json()) as object) };
}

it('serve every metric the dashboard and the alert rules read, after one repair', async () => {
  const m = await setUpMerchant(stack, { provider: 'glovo', stores: 1 });
  await sandboxAccount(stack, 'glovo', m.accountRef, { password: 'metrics-password' });
  const reported = await post('/v1/disconnections', { connectionId: m.connectionId, errorCode: errorCode('glovo', 'invalid_credentials') });
  expect(reported).toMatchObject({ status: 202 });
  const healed = await post(`/v1/repairs/${reported.repairId as string}/credentials`, { actingUserId: m.owner, username: m.accountRef, password: 'metrics-password' });
  expect(healed).toMatchObject({ status: 200, outcome: 'healthy' });

  const expected = { 'repair-api': EXPORTED_METRICS.api, 'repair-worker': EXPORTED_METRICS.worker, 'repair-worker-sdk': EXPORTED_METRICS.workerSdk };
  const missing = async () => {
    const absent: string[] = [];
    for (const target of targets) {
      const served = families(await (await fetch(metricsUrl(target))).text());
      absent.push(...expected[target.job].filter((name) => !served.has(name)).map((name) => `${target.job}: ${name}`));
    }
    return absent;
  };
  // The worker's SDK metrics appear once it has run a task; the repair above ran several.
  const absent = await eventually(missing, (a) => a.length === 0, 15_000).catch(missing);
  expect(absent).toEqual([]);
});

// `npm run bench`: the mass outage, open repairs at rest, the read path and the small merchant in a
// flood (with and without fairness), in one run on the
// production shape (API and worker in their own processes). `-- --quick` runs one tenth of it;
// `-- --out <dir>` writes the results elsewhere than bench/results (CI does).
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchStack, type BenchLane } from './bench-stack.js';
import { timeUntil } from './bench-pool.js';
import { massOutage } from './mass-outage.js';
import { readPath } from './read-path.js';
import { recordedCount, reportAll } from './report-all.js';
import { seedMerchants, type SeededConnection } from './seed-merchants.js';
import { seedFlood, smallMerchantInFlood } from './small-merchant.js';

const { values: flags } = (() => {
  try {
    return parseArgs({ options: { quick: { type: 'boolean', default: false }, out: { type: 'string' } }, strict: true, allowPositionals: false });
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run bench [-- --quick] [-- --out <dir>]`);
    process.exit(2);
  }
})();
const quick = flags.quick ?? false;
if (flags.out !== undefined && flags.out.trim() === '') {
  console.error('--out needs a directory');
  process.exit(2);
}
const outDir = flags.out ? resolve(flags.out) : new URL('./results/', import.meta.url).pathname;
const tenth = (n: number) => (quick ? n / 10 : n);
const alertWindowMs = quick ? 5_000 : 10_000;
const maxCachedWorkflows = tenth(1_000);
// One machine runs everything: a worker with few workflow task slots leaves the cores to intake
// during the burst and catches up right after (a worker on its own machine needs no such limit).
const workerEnv = { WORKER_MAX_CACHED_WORKFLOWS: String(maxCachedWorkflows), WORKER_WORKFLOW_TASK_SLOTS: '4', WORKER_ACTIVITY_SLOTS: '16' };

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
const stamp = () => ({ quick, at: new Date().toISOString(), machine, worker: workerEnv });

async function write(name: string, figures: object): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, `${name}.json`), `${JSON.stringify({ name, ...stamp(), ...figures }, null, 2)}\n`);
}

/** Opens a repair for each connection and waits until every one is recorded and the worker is quiet. */
async function openRepairs(stack: BenchLane, connections: SeededConnection[]): Promise<void> {
  await reportAll(stack, connections);
  await timeUntil('repairs recorded', async () => (await recordedCount(stack, connections)) >= connections.length);
  await settle(stack);
}

/** At rest: every alert delivered (nothing left for the worker but timers), then a few quiet seconds. */
async function settle(stack: BenchLane): Promise<void> {
  await timeUntil('alerts delivered', async () => (await stack.db.query<{ n: number }>("select count(*)::int as n from notification_intents where status = 'recorded'")).rows[0]!.n === 0);
  await new Promise((r) => setTimeout(r, quick ? 2_000 : 5_000));
}
const benchStarted = Date.now();
const log = (line: string) => console.log(`[bench ${Math.round((Date.now() - benchStarted) / 1000)} s] ${line}`);

const stack = await startBenchStack({ alertWindowMs, workerEnv });
try {
  // 1. Open repairs at rest, first point: one tenth of the final count.
  log(`at rest: ${tenth(1_000)} open repairs…`);
  const restFirst = await seedMerchants(stack, { label: 'rest-a', orgs: tenth(10), connectionsPerOrg: 100, storesPerConnection: 1 });
  await openRepairs(stack, restFirst.connections);
  const memoryAtFirst = await stack.residentMemoryMb();

  // 2. The mass outage.
  log(`mass outage: seeding ${tenth(10_000)} stores on ${tenth(2_000)} connections for ${tenth(100)} organizations…`);
  const outage = await seedMerchants(stack, { label: 'outage', orgs: tenth(100), connectionsPerOrg: 20, storesPerConnection: 5 });
  log('mass outage: baseline, then reporting…');
  const outageFigures = await massOutage(stack, { ...outage, stores: tenth(10_000) }, alertWindowMs);
  await write('mass-outage', outageFigures);
  console.table(outageFigures);

  // 3. At rest, second point: the full count of open repairs.
  const restMore = tenth(10_000) - restFirst.connections.length - outage.connections.length;
  log(`at rest: ${restMore} more open repairs…`);
  const restSecond = await seedMerchants(stack, { label: 'rest-b', orgs: restMore / 100, connectionsPerOrg: 100, storesPerConnection: 1 });
  await openRepairs(stack, restSecond.connections);
  const memoryAtFull = await stack.residentMemoryMb();
  const open = restFirst.connections.length + outage.connections.length + restSecond.connections.length;
  const atRest = {
    maxCachedWorkflows,
    points: [
      { openRepairs: restFirst.connections.length, apiMb: memoryAtFirst.api, workerMb: memoryAtFirst.worker },
      { openRepairs: open, apiMb: memoryAtFull.api, workerMb: memoryAtFull.worker },
    ],
    /** Memory at the full count over memory at one tenth of it: 1 is flat. */
    growth: { api: Math.round((memoryAtFull.api / memoryAtFirst.api) * 100) / 100, worker: Math.round((memoryAtFull.worker / memoryAtFirst.worker) * 100) / 100 },
  };
  await write('at-rest', atRest);
  console.table(atRest.points);

  // 4. The read path with every repair open: an organization with 100 open repairs.
  log(`read path with ${open} open repairs…`);
  const reads = await readPath(stack, restSecond.orgIds[0]!, quick ? 3 : 10);
  await write('read-path', { openRepairs: open, ...reads });
  console.table({ healthz: reads.healthz, list: reads.list, detail: reads.detail });

  // 5. The small merchant in the flood, with fairness (this lane) and without (a lane of its own).
  log(`small merchant: seeding a ${tenth(1_900)}-connection organization and a one-store merchant on two lanes…`);
  const unfair = await stack.startLane({ label: 'unfair', fairness: false });
  const fairSeeded = await seedFlood(stack, 'flood', tenth(1_900));
  const unfairSeeded = await seedFlood(unfair, 'flood', tenth(1_900));
  log('small merchant: flooding each lane in turn…');
  const small = await smallMerchantInFlood({ fair: { lane: stack, seeded: fairSeeded }, unfair: { lane: unfair, seeded: unfairSeeded } }, alertWindowMs);
  await unfair.stop();
  await write('mass-outage', { ...outageFigures, ...small });
  console.table(small);
  log(`done; results in ${outDir}`);
} finally {
  await stack.stop();
}
process.exit(0);

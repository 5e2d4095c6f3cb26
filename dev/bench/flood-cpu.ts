// Where a flood's CPU goes: CPU seconds of each process (Temporal's dev server, the worker, the API,
// PostgreSQL, this client) while as many empty workflows start as there are reports (the yardstick),
// while the reports are taken (intake), and from then until every repair is recorded (the openings);
// then the worker's threads over intake and openings together. Linux only (/proc).
// `node --import tsx dev/bench/flood-cpu.ts [--orgs 50] [--slots 4]`: 20 connections per organization,
// the bench's worker settings; nothing written to bench/results. docs/mass-outage.md, fifth round.
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startBenchStack } from './bench-stack.js';
import { inPool, timeUntil } from './bench-pool.js';
import { recordedCount, reportAll, REPORT_CONCURRENCY } from './report-all.js';
import { seedMerchants } from './seed-merchants.js';

const USAGE = 'usage: node --import tsx dev/bench/flood-cpu.ts [--orgs <1 or more>] [--slots <1 or more>]';
/** The two options as positive whole numbers; anything else ends the run with the usage. */
function readOptions(): { orgs: number; slots: number } {
  try {
    const { values } = parseArgs({ options: { orgs: { type: 'string', default: '50' }, slots: { type: 'string', default: '4' } }, strict: true, allowPositionals: false });
    const whole = (name: 'orgs' | 'slots') => {
      const text = values[name]!;
      if (!/^[1-9][0-9]{0,5}$/.test(text)) throw new Error(`--${name} takes a whole number from 1, not "${text}"`);
      return Number(text);
    };
    return { orgs: whole('orgs'), slots: whole('slots') };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}
const { orgs, slots } = readOptions();

const TICKS_PER_SECOND = 100;
const SETTLE_MS = 3_000;

/**
 * User and system CPU seconds of a /proc stat line, with those of its children that ended (PostgreSQL's
 * backends come and go with the pools: an ended one's time is its parent's from then on).
 */
function cpuOf(statPath: string, withEndedChildren = true): number {
  const stat = readFileSync(statPath, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  const own = fields[11]! + fields[12]!;
  return (withEndedChildren ? own + fields[13]! + fields[14]! : own) / TICKS_PER_SECOND;
}

function processKind(pid: string, commandLine: string): string {
  if (pid === String(process.pid)) return 'client';
  if (commandLine.includes('worker.ts')) return 'worker';
  if (commandLine.includes('api/server.ts')) return 'api';
  if (commandLine.includes('temporal')) return 'temporal';
  if (commandLine.includes('postgres')) return 'postgres';
  return 'other';
}

function eachProcess(visit: (pid: string, commandLine: string) => void): void {
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      visit(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
    } catch {
      // The process ended meanwhile.
    }
  }
}

/** CPU seconds so far, by process kind. */
function cpuByProcess(): Map<string, number> {
  const seconds = new Map<string, number>();
  eachProcess((pid, commandLine) => {
    const kind = processKind(pid, commandLine);
    seconds.set(kind, (seconds.get(kind) ?? 0) + cpuOf(`/proc/${pid}/stat`));
  });
  return seconds;
}

/** CPU seconds so far of each worker thread, named `main`, or by the kernel's name and thread id. */
function cpuByWorkerThread(): Map<string, number> {
  const seconds = new Map<string, number>();
  eachProcess((pid, commandLine) => {
    if (processKind(pid, commandLine) !== 'worker') return;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = `/proc/${pid}/task/${tid}/stat`;
      const name = tid === pid ? 'main' : `${readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim()}#${tid}`;
      seconds.set(name, cpuOf(stat, false));
    }
  });
  return seconds;
}

const spent = (before: Map<string, number>, after: Map<string, number>) =>
  Object.fromEntries([...after].map(([k, v]) => [k, Math.round((v - (before.get(k) ?? 0)) * 10) / 10]).filter(([, v]) => (v as number) >= 0.1));

const stack = await startBenchStack({ alertWindowMs: 10_000, workerEnv: { WORKER_MAX_CACHED_WORKFLOWS: '1000', WORKER_WORKFLOW_TASK_SLOTS: String(slots), WORKER_ACTIVITY_SLOTS: '16' } });
try {
  const { connections } = await seedMerchants(stack, { label: 'cpu', orgs, connectionsPerOrg: 20, storesPerConnection: 5 });
  const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  await settle();
  const phase = async (name: string, work: () => Promise<unknown>) => {
    const before = cpuByProcess();
    const started = Date.now();
    await work();
    console.log(JSON.stringify({ phase: name, count: connections.length, ms: Date.now() - started, cpuSeconds: spent(before, cpuByProcess()) }));
  };
  const run = `${Date.now()}`;
  // No worker polls this queue: only the server's cost of a start, as the bench's yardstick.
  await phase('empty starts', () => inPool(connections.map((_, i) => i), REPORT_CONCURRENCY, async (i) => {
    await stack.temporal.workflow.start('workerProbeWorkflow', { taskQueue: `baseline-${run}`, workflowId: `baseline-${run}-${i}`, args: [{ version: 1, sentAt: new Date().toISOString() }] });
  }));
  await settle();
  const threadsBefore = cpuByWorkerThread();
  await phase('intake', () => reportAll(stack, connections));
  await phase('openings', () => timeUntil('every repair recorded', async () => (await recordedCount(stack, connections)) >= connections.length));
  console.log(JSON.stringify({ workerThreadsCpuSeconds: spent(threadsBefore, cpuByWorkerThread()) }));
} finally {
  await stack.stop();
}
process.exit(0);

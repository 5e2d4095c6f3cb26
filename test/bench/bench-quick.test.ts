// CI runs the benchmark in its quick mode: it must complete and write every result file with its
// figures. No figure is judged here (speed is read from `npm run bench`, never asserted in tests).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../dev/temporal-binaries.js';

let outDir: string | undefined;
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

it('runs `npm run bench -- --quick` to the end and writes its results', async () => {
  outDir = await mkdtemp(join(tmpdir(), 'repair-bench-results-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'dev/bench/run.bench.ts', '--quick', '--out', outDir], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code, output).toBe(0);

  const read = async (name: string) => JSON.parse(await readFile(join(outDir!, `${name}.json`), 'utf8')) as Record<string, unknown>;
  const outage = await read('mass-outage');
  expect(outage).toMatchObject({ name: 'mass-outage', quick: true, connections: 200, stores: 1000 });
  const outageFigures = ['baselineStartsPerSecond', 'baselineDrainMs', 'reportsAcceptedPerSecond', 'ingestRatio', 'allRecordedAfterMs', 'allRecordedRatio', 'groupedAlertsSentAfterMs', 'groupedAlertsRatio', 'alertEmails'];
  const smallMerchant = ['smallMerchantAlertMs', 'smallMerchantAlertMsWithoutFairness', 'smallMerchantWaitBeyondWindowMs', 'smallMerchantWaitBeyondWindowMsWithoutFairness', 'smallMerchantWaitRatio'];
  for (const key of [...outageFigures, ...smallMerchant]) expect(typeof outage[key], key).toBe('number');
  expect(outage.bigOrgConnections).toBe(190);
  // Grouping is behaviour, not speed: one e-mail per organization and window.
  expect(outage.maxAlertEmailsPerOrgAndWindow).toBe(1);
  const reads = await read('read-path');
  expect(reads).toMatchObject({ name: 'read-path', openRepairs: 1000 });
  for (const key of ['healthz', 'list', 'detail']) expect((reads[key] as { errors: number }).errors, key).toBe(0);
  for (const key of ['list', 'detail']) for (const ratio of ['rpsRatioToHealthz', 'p99RatioToHealthz']) expect(typeof (reads[key] as Record<string, unknown>)[ratio], `${key}.${ratio}`).toBe('number');
  const atRest = await read('at-rest');
  expect((atRest.points as { openRepairs: number }[]).map((p) => p.openRepairs)).toEqual([100, 1000]);
  for (const key of ['api', 'worker']) expect(typeof (atRest.growth as Record<string, unknown>)[key], `growth.${key}`).toBe('number');
}, 900_000);

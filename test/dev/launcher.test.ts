// `npm run dev` end to end: reaches /readyz, keeps data across runs, stops cleanly, and names a taken port.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDebianTool } from '../../dev/debian-package.js';
import { freePort, isPortFree } from '../../dev/ports.js';
import { PROMETHEUS } from '../../dev/operations-tools.js';
import { PROJECT_ROOT } from '../../dev/temporal-binaries.js';

interface Launch {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(env: NodeJS.ProcessEnv): Launch {
  const child = spawn(process.execPath, ['--import', 'tsx', 'dev/launcher.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: '', TEMPORAL_ADDRESS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(launched: Launch, text: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!launched.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`launcher never printed "${text}":\n${launched.output()}`);
    if (launched.child.exitCode !== null) throw new Error(`launcher exited (${launched.child.exitCode}):\n${launched.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Prometheus scrapes the API and the worker and holds the alert rules; without it the launcher says how to install it. */
async function expectGraphs(launched: Launch, port: string): Promise<void> {
  const prometheus = `http://127.0.0.1:${port}`;
  if (!findDebianTool(PROMETHEUS)) {
    expect(launched.output()).toContain('apt-get install -y --no-install-recommends prometheus');
    return;
  }
  expect(launched.output()).toContain(`${prometheus}/graph`);
  const deadline = Date.now() + 30_000;
  let health: Record<string, string> = {};
  const everyTargetUp = () => Object.keys(health).length === 3 && Object.values(health).every((h) => h === 'up');
  while (Date.now() < deadline && !everyTargetUp()) {
    const targets = (await (await fetch(`${prometheus}/api/v1/targets`)).json()) as { data: { activeTargets: { labels: { job: string }; health: string }[] } };
    health = Object.fromEntries(targets.data.activeTargets.map((t) => [t.labels.job, t.health]));
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(health).toEqual({ 'repair-api': 'up', 'repair-worker': 'up', 'repair-worker-sdk': 'up' });
  const rules = (await (await fetch(`${prometheus}/api/v1/rules`)).json()) as { data: { groups: { rules: { name: string }[] }[] } };
  expect(rules.data.groups.flatMap((g) => g.rules.map((r) => r.name))).toContain('RepairProviderDegraded');
}

describe('npm run dev', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'repair-launcher-'));
    env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      TEMPORAL_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      SANDBOX_PORT: String(await freePort()),
      WORKER_METRICS_PORT: String(await freePort()),
      WORKER_SDK_METRICS_PORT: String(await freePort()),
      API_METRICS_PORT: String(await freePort()),
      SMS_SINK_PORT: String(await freePort()),
      MAIL_SINK_SMTP_PORT: String(await freePort()),
      MAIL_SINK_WEB_PORT: String(await freePort()),
      PRINTER_SINK_PORT: String(await freePort()),
      PRINTER_SINK_WEB_PORT: String(await freePort()),
      PROMETHEUS_PORT: String(await freePort()),
      DEV_API_KEY: 'launcher-test-key',
    };
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('starts everything, keeps data across runs and stops cleanly on SIGTERM', async () => {
    const api = `http://127.0.0.1:${env.PORT}`;
    const headers = { authorization: 'Bearer launcher-test-key', 'content-type': 'application/json' };

    const first = launch(env);
    await until(first, 'Repair is running');
    expect(first.output()).toContain(`http://localhost:${env.TEMPORAL_UI_PORT}`);
    expect(first.output()).toContain('launcher-test-key');
    expect((await fetch(`${api}/readyz`)).status).toBe(200);
    await expectGraphs(first, env.PROMETHEUS_PORT!);
    const created = await fetch(`${api}/v1/orgs`, { method: 'POST', headers, body: JSON.stringify({ name: 'Kept', locale: 'en', timezone: 'UTC', environment: 'sandbox' }) });
    const org = (await created.json()) as { id: string };
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    for (const port of [env.PORT, env.TEMPORAL_PORT, env.TEMPORAL_UI_PORT, env.PROMETHEUS_PORT]) expect(await isPortFree(Number(port))).toBe(true);

    const second = launch(env);
    await until(second, 'Repair is running');
    const orgs = (await (await fetch(`${api}/v1/orgs`, { headers })).json()) as { items: { id: string; name: string }[] };
    expect(orgs.items.filter((o) => o.name === 'Kept').map((o) => o.id)).toEqual([org.id]);
    // The demo data is seeded once, not again on the second start.
    expect(orgs.items.filter((o) => o.name === 'Casa Lola Group')).toHaveLength(1);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 300_000);

  it('names the port that is taken and the variable that moves it', async () => {
    const blocker = createServer().listen(Number(env.PORT), '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      const run = launch(env);
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`port ${env.PORT} (API) is already in use; set PORT to another port`);
    } finally {
      blocker.close();
    }
  });
});

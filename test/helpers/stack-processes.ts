// The worker and the API as production runs them: `node --import tsx worker.ts` / `api/server.ts`,
// each a process of its own (so a drill can kill one for real, and replicas share no memory). They
// serve the stack's task queue, database and sandbox.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../dev/ports.js';
import { PROJECT_ROOT } from '../../dev/temporal-binaries.js';
import { testEnv } from './api.js';
import type { RepairStack } from './repair-stack.js';

export interface StackProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** SIGKILL: no shutdown, no goodbye to Temporal; in-flight activities are simply gone. */
  kill(): Promise<void>;
}
export type WorkerProcess = StackProcess;
export interface ApiProcess extends StackProcess {
  url: string;
}

function startNode(entry: string, stack: RepairStack, env: NodeJS.ProcessEnv): StackProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      ...testEnv({
        DATABASE_URL: stack.db.url,
        TEMPORAL_ADDRESS: stack.config.temporal.address,
        TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue,
        PROVIDER_BASE_URL: stack.sandboxUrl,
        PROVIDER_TIMEOUT_MS: String(stack.config.providers.timeoutMs),
        PUBLIC_URL: stack.config.publicUrl,
        // Probe schedules live on the shared Temporal server: a drill's worker creates none.
        PROBES_ENABLED: 'false',
        ...env,
      }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

async function until(proc: StackProcess, what: string, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await ready())) {
    if (proc.child.exitCode !== null) throw new Error(`${what} exited (${proc.child.exitCode}):\n${proc.output()}`);
    if (Date.now() > deadline) {
      await proc.kill();
      throw new Error(`${what} never became ready:\n${proc.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts a worker process and resolves once it polls; `env` adds to what the stack itself was given. */
export async function startWorkerProcess(stack: RepairStack, env: NodeJS.ProcessEnv = {}): Promise<WorkerProcess> {
  const worker = startNode('worker.ts', stack, { WORKER_METRICS_PORT: String(await freePort()), WORKER_SDK_METRICS_PORT: String(await freePort()), ...env });
  await until(worker, 'worker', async () => worker.output().includes('worker polling task queue'));
  return worker;
}

/** Starts an API process on a free port and resolves once its /readyz answers 200. */
export async function startApiProcess(stack: RepairStack, env: NodeJS.ProcessEnv = {}): Promise<ApiProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = startNode('api/server.ts', stack, { HOST: '127.0.0.1', PORT: String(port), API_METRICS_PORT: String(await freePort()), ...env });
  await until(api, 'API', async () => (await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200);
  return { ...api, url };
}

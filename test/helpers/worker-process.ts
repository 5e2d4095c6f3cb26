// The worker as production runs it: `node --import tsx worker.ts` in a process of its own, so a
// drill can kill it for real. It serves the stack's task queue, database and sandbox.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../dev/ports.js';
import { PROJECT_ROOT } from '../../dev/temporal-binaries.js';
import { testEnv } from './api.js';
import type { RepairStack } from './repair-stack.js';

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** SIGKILL: no shutdown, no goodbye to Temporal; in-flight activities are simply gone. */
  kill(): Promise<void>;
}

/** Starts a worker process and resolves once it polls; `env` adds to what the stack itself was given. */
export async function startWorkerProcess(stack: RepairStack, env: NodeJS.ProcessEnv = {}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker.ts'], {
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
        WORKER_METRICS_PORT: String(await freePort()),
        ...env,
      }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const worker: WorkerProcess = {
    child,
    output: () => output,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + 120_000;
  while (!output.includes('worker polling task queue')) {
    if (child.exitCode !== null) throw new Error(`worker exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      await worker.kill();
      throw new Error(`worker never polled:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return worker;
}

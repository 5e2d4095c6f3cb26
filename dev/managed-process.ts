// A child process of the launcher: output prefixed with its name, stopped with SIGTERM then SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export class ManagedProcess {
  private readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  private stopping = false;

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    options: { env?: NodeJS.ProcessEnv; cwd?: string; quiet?: (line: string) => boolean } = {},
  ) {
    this.child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        if (!options.quiet?.(line)) process.stdout.write(`[${name}] ${line}\n`);
      });
    }
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Asks politely, then insists after the grace period. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    if (this.hasExited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

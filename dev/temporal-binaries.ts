// Finds the Temporal CLI (dev server) and the time-skipping test server without hard-coded paths:
// an explicit variable first, then the project-local install from PyPI, then PATH.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LOCAL_TOOLS_DIR = join(PROJECT_ROOT, '.tools', 'temporal');

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function find(variable: string, name: string): string | undefined {
  const explicit = process.env[variable];
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`${variable} points at ${explicit}, which does not exist`);
    return explicit;
  }
  const local = join(LOCAL_TOOLS_DIR, 'bin', name);
  return isExecutable(local) ? local : onPath(name);
}

/** The `temporal` CLI, whose `server start-dev` is the local server with its Web UI. */
export const findTemporalCli = () => find('TEMPORAL_CLI_PATH', 'temporal');

/** The Java-free time-skipping test server that @temporalio/testing can run. */
export const findTestServer = () => find('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server');

/**
 * `server start-dev` keeps its state in one SQLite file. In SQLite's default journal mode every
 * transaction syncs the file several times, and a mass outage then waits on the disk: timers fired
 * 40 s late and a new workflow's first task waited as long (docs/mass-outage.md). Write-ahead
 * logging with `synchronous=normal` syncs at checkpoints instead; a process crash loses nothing
 * committed, a power cut may lose the last transactions but never corrupts the file. A production
 * cluster brings its own persistence (docs/deploy.md).
 */
export const devServerFileArgs = (file: string): string[] => ['--db-filename', file, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal'];

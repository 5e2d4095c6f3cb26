import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ormConfig } from './orm-config.js';

export type Orm = MikroORM;

// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_ID = 7_212_001;

/** Applies pending migrations, serialized across processes with a PostgreSQL advisory lock. */
export async function migrate(orm: Orm, databaseUrl: string): Promise<string[]> {
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await lock.end();
  }
}

/** Opens the ORM and, unless told otherwise, brings the schema up to date. */
export async function openOrm(databaseUrl: string, options: { migrate?: boolean; poolMax?: number } = {}): Promise<Orm> {
  const orm = await MikroORM.init(ormConfig(databaseUrl, { poolMax: options.poolMax }));
  if (options.migrate !== false) await migrate(orm, databaseUrl);
  return orm;
}

// A database of its own for each test file, cloned from the migrated template in milliseconds.
import pg from 'pg';
import { TEMPLATE_DATABASE, withDatabase } from './database-url.js';
import { inject } from 'vitest';
import { openOrm, type Orm } from '../../core/db/orm.js';
import { newId } from '../../core/db/ids.js';



export interface TestDatabase {
  url: string;
  orm: Orm;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('databaseServerUrl');
  const name = newId('t').replace(/[^a-z0-9_]/g, '_');
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const orm = await openOrm(url, { poolMax: 5 });
  return { url, orm, close: () => orm.close() };
}

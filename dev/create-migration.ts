// Writes a migration for the difference between the entities and the schema of a scratch database.
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { openOrm } from '../core/db/orm.js';

// A development tool: it needs a scratch database, not the product's settings (which production requires).
const config = { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: resolve(process.env.DATA_DIR || '.data') };
const pgServer = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres') });
const url = config.databaseUrl ?? pgServer!.url;
const orm = await openOrm(url);
try {
  const result = await orm.getMigrator().createMigration(undefined, false, false, process.argv[2]?.replace(/[^A-Za-z0-9_]/g, '_'));
  console.log(result.fileName ? `wrote core/db/migrations/${result.fileName}; add it to core/db/migrations/index.ts` : 'schema is up to date');
} finally {
  await orm.close();
  await pgServer?.stop();
}

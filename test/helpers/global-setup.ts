// Once per test run: a real PostgreSQL (embedded unless DATABASE_URL is set) holding a migrated
// template database, and a real Temporal dev server. Test files get their own database and task queue.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { TEMPLATE_DATABASE, withDatabase } from './database-url.js';
import type { TestProject } from 'vitest/node';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../dev/embedded-postgres.js';
import { openOrm } from '../../core/db/orm.js';
import { SEARCH_ATTRIBUTES } from '../../workflows/repair/search-attributes.js';
import { temporalExecutable } from './temporal-executable.js';
import { FAIRNESS_SERVER_FLAGS } from '../../core/temporal/priorities.js';


declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
    temporalAddress: string;
  }
}


async function createTemplate(serverUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DATABASE}`);
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  const orm = await openOrm(withDatabase(serverUrl, TEMPLATE_DATABASE), { poolMax: 2 });
  await orm.close();
}

export default async function setup(project: TestProject) {
  let postgres: EmbeddedPostgresHandle | undefined;
  let dataDir: string | undefined;
  if (!process.env.DATABASE_URL) {
    dataDir = await mkdtemp(join(tmpdir(), 'repair-test-pg-'));
    postgres = await startEmbeddedPostgres({ dataDir, unsafeFast: true });
  }
  const serverUrl = process.env.DATABASE_URL ?? postgres!.url;
  await createTemplate(serverUrl);

  const temporal = await TestWorkflowEnvironment.createLocal({
    server: { executable: temporalExecutable('cli'), searchAttributes: SEARCH_ATTRIBUTES, extraArgs: ['--log-level', 'error', ...FAIRNESS_SERVER_FLAGS] },
  });
  project.provide('databaseServerUrl', serverUrl);
  project.provide('temporalAddress', temporal.address);

  return async () => {
    await temporal.teardown();
    await postgres?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

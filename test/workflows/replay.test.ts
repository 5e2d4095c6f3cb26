// Replays recorded histories of real repairs against today's workflow code: a change that would
// break running repairs fails here (fix it with patched(), never by re-recording alone).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '../../worker.js';
import { HISTORIES_DIR } from '../helpers/histories.js';

it('replays every recorded repair history without non-determinism', async () => {
  const files = (await readdir(HISTORIES_DIR)).filter((f) => f.endsWith('.json')).sort();
  expect(files.length).toBeGreaterThanOrEqual(3);
  const histories = await Promise.all(
    files.map(async (file) => ({ workflowId: file.replace(/\.json$/, ''), history: JSON.parse(await readFile(join(HISTORIES_DIR, file), 'utf8')) })),
  );
  // JSON histories (string event ids) are converted by the worker itself.
  const results = Worker.runReplayHistories({ workflowsPath: WORKFLOWS_PATH }, histories);
  const failures: string[] = [];
  for await (const result of results) if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  expect(failures).toEqual([]);
}, 120_000);

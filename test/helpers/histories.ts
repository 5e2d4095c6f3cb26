// Recorded workflow histories for the replay test. `RECORD_HISTORIES=1 npm test` rewrites them;
// commit them when a change is meant to be compatible only with new repairs (and use patched()).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { PROJECT_ROOT } from '../../dev/temporal-binaries.js';

export const HISTORIES_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'histories');

export async function recordHistory(temporal: Client, workflowId: string, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
  await mkdir(HISTORIES_DIR, { recursive: true });
  // The same JSON the Temporal CLI and Web UI export.
  await writeFile(join(HISTORIES_DIR, `${name}.json`), historyToJSON(history));
}

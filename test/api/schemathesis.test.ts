// The outside fuzzer, run by the suite: schemathesis reads the API's own OpenAPI document and
// sends generated requests (valid and invalid) to every operation over a real socket, with a
// service key and a fixed seed. Any server error, or any answer the document does not describe
// (status, content type, body schema), fails the test with schemathesis's report.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSchemathesis, SCHEMATHESIS_VERSION } from '../../dev/schemathesis.js';
import { createTestApi, TEST_API_KEY, type TestApi } from '../helpers/api.js';

const SEED = 20261203;
const EXAMPLES_PER_OPERATION = 25;
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'];

let api: TestApi;
let base: string;
beforeAll(async () => {
  api = await createTestApi();
  base = await api.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => api?.close());

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Its example database and reports stay out of the checkout.
    const cwd = mkdtempSync(join(tmpdir(), 'schemathesis-'));
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false', PYTHONUNBUFFERED: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(cwd, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

describe('schemathesis over every operation', () => {
  it('finds no server error and no answer the document does not describe', async () => {
    const st = findSchemathesis();
    if (!st) throw new Error(`schemathesis ${SCHEMATHESIS_VERSION} is not installed: run \`npx tsx dev/install-tools.ts\` (needs Python 3 with venv)`);
    const { code, output } = await run(st, [
      'run',
      `${base}/docs/json`,
      '--url', base,
      '--header', `Authorization: Bearer ${TEST_API_KEY}`,
      '--checks', CHECKS.join(','),
      '--seed', String(SEED),
      '--max-examples', String(EXAMPLES_PER_OPERATION),
      '--phases', 'examples,coverage,fuzzing',
      '--workers', '2',
      '--no-shrink',
      '--suppress-health-check', 'all',
      '--request-timeout', '30',
    ]);
    if (code !== 0) console.log(output);
    expect({ exitCode: code, report: code === 0 ? '' : output.slice(-20_000) }).toEqual({ exitCode: 0, report: '' });
    // Every operation of the document was exercised.
    expect(output).toMatch(/Selected: (\d+)\/\1\s+Tested: \1\b/);
  }, 300_000);
});

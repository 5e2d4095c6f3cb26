// The outside fuzzer, run by the suite: schemathesis reads the API's own OpenAPI document and
// sends generated requests (valid and invalid) to every operation over a real socket, with a
// service key and a fixed seed. Any server error, or any answer the document does not describe
// (status, content type, body schema), fails the test with schemathesis's report. The API has a
// merchant (organization, users, locations, brands, stores, a connection), a ticket and a webhook
// whose ids schemathesis uses for path and query ids, so requests reach the handlers, not only
// 404s. No worker runs: generated repairs would otherwise send webhooks to generated hosts.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSchemathesis, SCHEMATHESIS_VERSION } from '../../dev/schemathesis.js';
import { auth, createTestApi, TEST_API_KEY, type TestApi } from '../helpers/api.js';
import { setUpMerchant } from '../helpers/repair-stack.js';

const SEED = 20261203;
const EXAMPLES_PER_OPERATION = 8;
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'];

let api: TestApi;
let base: string;
/** schemathesis.toml: ids that exist, for the parameters that name them. */
let config: string;

async function created(method: 'POST' | 'GET', url: string, payload?: object): Promise<{ id: string; items?: { id: string; slug?: string }[] }> {
  const res = await api.app.inject({ method, url, headers: auth(), ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  api = await createTestApi();
  base = await api.app.listen({ port: 0, host: '127.0.0.1' });
  const m = await setUpMerchant(api, { provider: 'uber_eats', stores: 1 });
  const [location] = (await created('GET', `/v1/orgs/${m.orgId}/locations`)).items!;
  const [brand] = (await created('GET', `/v1/orgs/${m.orgId}/brands`)).items!;
  const ticket = await created('POST', '/v1/tickets', { orgId: m.orgId, actingUserId: m.owner, subject: 'Tablet offline', message: 'Since this morning.' });
  const webhook = await created('POST', '/v1/webhooks', { url: 'https://example.com/hooks/repair', events: ['repair.opened'], orgId: m.orgId });
  const [article] = (await created('GET', '/v1/help/articles')).items!;
  const idOf = (pathRegex: string, id: string) => `[[operations]]\ninclude-path-regex = '${pathRegex}'\nparameters = { "path.id" = "${id}" }\n`;
  config = [
    '[parameters]',
    `"path.orgId" = "${m.orgId}"`,
    `"query.orgId" = "${m.orgId}"`,
    `"path.userId" = "${m.owner}"`,
    `"query.actingUserId" = "${m.owner}"`,
    `"path.connectionId" = "${m.connectionId}"`,
    `"path.ticketId" = "${ticket.id}"`,
    `"path.webhookId" = "${webhook.id}"`,
    `"path.slug" = "${article!.slug}"`,
    '',
    idOf('/users/\\{id\\}$', m.owner),
    idOf('/locations/\\{id\\}$', location!.id),
    idOf('/brands/\\{id\\}$', brand!.id),
    idOf('/stores/\\{id\\}$', m.storeIds[0]!),
  ].join('\n');
}, 120_000);
afterAll(async () => api?.close());

/** A failing run's report, without the `=== … ===` banners a CI reader takes for pytest's summary. */
const withoutClosingBanners = (report: string) => report.replace(/^=+ (.*?) =+$/gm, '--- $1 ---');

const REPORT_FILE = join(fileURLToPath(new URL('../../', import.meta.url)), 'test-output', 'schemathesis-report.txt');

function writeReport(output: string): void {
  mkdirSync(dirname(REPORT_FILE), { recursive: true });
  writeFileSync(REPORT_FILE, output);
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Its example database and reports stay out of the checkout.
    const cwd = mkdtempSync(join(tmpdir(), 'schemathesis-'));
    writeFileSync(join(cwd, 'schemathesis.toml'), config);
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
      '--config-file', 'schemathesis.toml',
      'run',
      `${base}/docs/json`,
      '--url', base,
      '--header', `Authorization: Bearer ${TEST_API_KEY}`,
      '--checks', CHECKS.join(','),
      '--seed', String(SEED),
      '--max-examples', String(EXAMPLES_PER_OPERATION),
      '--phases', 'examples,coverage,fuzzing',
      // One worker: hypothesis parses lambdas' source with `ast`, which CPython 3.11/3.12 can
      // break with a SystemError ("AST constructor recursion depth mismatch") across threads.
      '--workers', '1',
      '--no-shrink',
      '--suppress-health-check', 'all',
      '--request-timeout', '30',
    ]);
    // The report goes to a file, not the test log: its closing banner ("=== 4 warnings in 143 s ===")
    // is pytest's closing line, which CI would read as a run of no tests.
    writeReport(output);
    expect({ exitCode: code, report: code === 0 ? '' : withoutClosingBanners(output.slice(-20_000)) }).toEqual({ exitCode: 0, report: '' });
    // Every operation of the document was exercised.
    expect(output).toMatch(/Selected: (\d+)\/\1\s+Tested: \1\b/);
  }, 300_000);
});

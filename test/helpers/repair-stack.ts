// The repair engine as tests run it: the real API, a real worker, the real provider sandbox over
// HTTP, a database of its own, on the shared Temporal dev server (or a given client).
import type { FastifyInstance } from 'fastify';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Registry } from 'prom-client';
import { buildApp } from '../../api/app.js';
import { listenOptions } from '../../api/listen.js';
import type { AppConfig } from '../../core/config/config.js';
import { buildSandbox } from '../../dev/sandbox/app.js';
import { createWorker } from '../../worker.js';
import { createAlertChannels } from '../../activities/alerts/create-alert-channels.js';
import { auth, testConfig } from './api.js';
import { freePort } from '../../dev/ports.js';
import { ruleFor } from '../../core/providers/index.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface RepairStack {
  app: FastifyInstance;
  temporal: Client;
  config: AppConfig;
  db: TestDatabase;
  sandboxUrl: string;
  worker: Worker;
  /** The first worker's registry (its repair_* counters). */
  workerMetrics: Registry;
  close(): Promise<void>;
}

export async function startRepairStack(
  options: { env?: NodeJS.ProcessEnv; temporal?: { client: Client; nativeConnection: NativeConnection }; /** Serve HTTP for callers outside the process (Twilio callbacks). */ listen?: boolean } = {},
): Promise<RepairStack> {
  const port = options.listen ? await freePort() : undefined;
  const sandbox = buildSandbox();
  const sandboxUrl = await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const db = await createTestDatabase();
  const base = testConfig({ PROVIDER_BASE_URL: sandboxUrl, PROVIDER_TIMEOUT_MS: '3000', ...(port ? { PUBLIC_URL: `http://127.0.0.1:${port}` } : {}), ...options.env });
  const config = { ...base, databaseUrl: db.url };
  const ownConnection = options.temporal ? undefined : await Connection.connect({ address: config.temporal.address });
  const temporal = options.temporal?.client ?? new Client({ connection: ownConnection! });
  const nativeConnection = options.temporal?.nativeConnection ?? (await NativeConnection.connect({ address: config.temporal.address }));
  const deps = workerDependencies(config, db, temporal, nativeConnection);
  const worker = await createWorker(deps);
  // Resolves once the worker has let go of its connection (its STOPPED state comes a moment earlier).
  const running = worker.run().catch(() => undefined);
  const app = await buildApp({ config, orm: db.orm, temporal }, { logger: false });
  await app.ready();
  if (port) await app.listen({ ...listenOptions(config), port, host: '127.0.0.1' });
  const stack: RepairStack = {
    app,
    temporal,
    config,
    db,
    sandboxUrl,
    worker,
    workerMetrics: deps.metrics,
    close: async () => {
      await app.close();
      // A test may have swapped the worker: stop whichever runs now.
      if (stack.worker.getState() === 'RUNNING') stack.worker.shutdown();
      await eventually(async () => stack.worker.getState(), (state) => state === 'STOPPED' || state === 'FAILED', 30_000);
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      if (!options.temporal) await nativeConnection.close();
      await ownConnection?.close();
      await sandbox.close();
      await db.close();
    },
  };
  return stack;
}

/** What a worker of the stack needs; tests that replace the worker build one with this (a registry of its own: counters register once). */
export function workerDependencies(config: AppConfig, db: TestDatabase, client: Client, connection: NativeConnection) {
  return { config, orm: db.orm, connection, client, channels: createAlertChannels(config), metrics: new Registry() };
}

export interface MerchantSetup {
  orgId: string;
  owner: string;
  viewer: string;
  storeIds: string[];
  connectionId: string;
  accountRef: string;
}

async function post(app: FastifyInstance, url: string, payload: object): Promise<{ id: string }> {
  const res = await app.inject({ method: 'POST', url, payload, headers: auth() });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** An organization with an owner (may reconnect), a viewer (may not), `stores` stores and one connection. */
export async function setUpMerchant(stack: Pick<RepairStack, 'app'>, options: { provider: string; stores?: number; accountRef?: string; locale?: string }): Promise<MerchantSetup> {
  const { app } = stack;
  const org = await post(app, '/v1/orgs', { name: 'Casa Test', locale: options.locale ?? 'en', timezone: 'Europe/Madrid', environment: 'production' });
  const owner = await post(app, `/v1/orgs/${org.id}/users`, { email: `owner-${org.id}@example.com`, permissions: ['integrations:view', 'integrations:reconnect', 'support:chat'] });
  const viewer = await post(app, `/v1/orgs/${org.id}/users`, { email: `viewer-${org.id}@example.com`, permissions: ['integrations:view', 'support:chat'] });
  const storeIds: string[] = [];
  for (let i = 0; i < (options.stores ?? 2); i += 1) {
    const loc = await post(app, `/v1/orgs/${org.id}/locations`, { name: `Kitchen ${i + 1}` });
    const brand = await post(app, `/v1/orgs/${org.id}/brands`, { name: `Brand ${i + 1}` });
    storeIds.push((await post(app, `/v1/orgs/${org.id}/stores`, { locationId: loc.id, brandId: brand.id })).id);
  }
  const accountRef = options.accountRef ?? `acct-${org.id.slice(4, 14)}`;
  const connection = await post(app, '/v1/connections', { orgId: org.id, provider: options.provider, accountRef, storeIds });
  return { orgId: org.id, owner: owner.id, viewer: viewer.id, storeIds, connectionId: connection.id, accountRef };
}

/** Drives the sandbox's control API, as a test or a demo would. */
export async function sandboxAccount(stack: RepairStack, provider: string, accountRef: string, settings: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${stack.sandboxUrl}/sandbox/accounts/${provider}/${accountRef}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) });
  if (!res.ok) throw new Error(`sandbox: ${res.status} ${await res.text()}`);
}

export async function lastCode(stack: RepairStack, provider: string, accountRef: string): Promise<string> {
  const res = await fetch(`${stack.sandboxUrl}/sandbox/accounts/${provider}/${accountRef}/last-code`);
  return ((await res.json()) as { code: string }).code;
}

export async function report(stack: RepairStack, connectionId: string, errorCode: string, errorMessage?: string) {
  const res = await stack.app.inject({ method: 'POST', url: '/v1/disconnections', payload: { connectionId, errorCode, ...(errorMessage ? { errorMessage } : {}) }, headers: auth() });
  if (res.statusCode !== 202) throw new Error(`report: ${res.statusCode} ${res.body}`);
  return res.json() as { repairId: string; workflowId: string; state: string; joined: boolean };
}

export async function act(stack: RepairStack, repairId: string, action: string, payload: object) {
  const res = await stack.app.inject({ method: 'POST', url: `/v1/repairs/${repairId}/${action}`, payload, headers: auth() });
  return { status: res.statusCode, body: res.json() as { outcome: string; repair: RepairDetailBody } & Record<string, unknown> };
}

export async function repairDetail(stack: RepairStack, repairId: string, actingUserId?: string): Promise<RepairDetailBody> {
  const res = await stack.app.inject({ method: 'GET', url: `/v1/repairs/${repairId}${actingUserId ? `?actingUserId=${actingUserId}` : ''}`, headers: auth() });
  if (res.statusCode !== 200) throw new Error(`detail: ${res.statusCode} ${res.body}`);
  return res.json();
}

export interface RepairDetailBody {
  id: string;
  state: string;
  errorType: string | null;
  cause: string | null;
  resolution: string | null;
  attempts: number;
  lastOutcome: string | null;
  stores: { id: string; location: { name: string }; brand: { name: string } }[];
  help: { steps: string[] };
  history: { kind: string; actorUserId: string | null; outcome: string | null; action: string | null; errorType: string | null; errorCode: string | null }[];
  allowedActions: string[];
  notifications: { kind: string }[];
  reminderCount: number;
  escalation: string;
}

/** Polls until `check` passes (the workflow writes PostgreSQL asynchronously); never sleeps blindly. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** The provider's own error code for an error type (and cause), as a backend would report it. */
export function errorCode(provider: string, type: Parameters<typeof ruleFor>[1], cause?: Parameters<typeof ruleFor>[2]): string {
  const rule = ruleFor(provider, type, cause);
  if (!rule) throw new Error(`no ${type}/${cause} rule for ${provider}`);
  return rule.code;
}

/** Complete contact details (alerts go out beyond the dashboard), with `alertUserId` as the alert contact. */
export async function completeContacts(stack: RepairStack, orgId: string, alertUserId: string, options: { emergencyPhone?: string } = {}): Promise<void> {
  const payload = {
    alertContacts: [{ userId: alertUserId }],
    emergencyTechnical: [{ name: 'On call', email: `oncall-${orgId}@example.com`, ...(options.emergencyPhone ? { phone: options.emergencyPhone } : {}) }],
    nonEmergencyTechnical: [{ name: 'Tech', email: `tech-${orgId}@example.com` }],
    merchantOperations: [{ name: 'Ops', email: `ops-${orgId}@example.com` }],
    platformOperations: [{ name: 'Ops', email: `ops-${orgId}@example.com` }],
    userFacingOperations: { email: `help-${orgId}@example.com` },
    supportHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '24:00', timezone: 'Europe/Madrid' }],
  };
  const res = await stack.app.inject({ method: 'PUT', url: `/v1/orgs/${orgId}/contacts`, payload, headers: auth() });
  if (res.statusCode !== 200) throw new Error(`contacts: ${res.statusCode} ${res.body}`);
}

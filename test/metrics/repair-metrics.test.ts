// One repair, end to end through the worker and API processes as production runs them: reported,
// alerted (e-mail, SMS, printed ticket), repaired, its events delivered to a webhook; then both
// /metrics endpoints are scraped over HTTP. The database gauges survive an API restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../dev/ports.js';
import { PROVIDERS, ruleFor } from '../../core/providers/index.js';
import { auth } from '../helpers/api.js';
import { createAlertingMerchant } from '../helpers/alerting-merchant.js';
import { eventually, sandboxAccount, setUpMerchant, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';
import { startSinks, type Sinks } from '../helpers/sinks.js';
import { startApiProcess, startWorkerProcess, type ApiProcess, type WorkerProcess } from '../helpers/stack-processes.js';
import { scrape, valueOf, type Sample } from '../helpers/prometheus-text.js';
import { startWebhookReceivers, type WebhookReceivers } from '../webhooks/webhook-receivers.js';

let sinks: Sinks;
let receivers: WebhookReceivers;
let stack: RepairStack;
let env: NodeJS.ProcessEnv;
let worker: WorkerProcess;
let api: ApiProcess;
const ports = { worker: 0, sdk: 0, api: 0 };
const url = (port: number) => `http://127.0.0.1:${port}`;

beforeAll(async () => {
  sinks = await startSinks();
  receivers = await startWebhookReceivers();
  env = { ...sinks.env, OUTBOUND_ALLOW: `${sinks.env.OUTBOUND_ALLOW},${new URL(receivers.url('/')).host}`, ALERT_WINDOW_MS: '200', WEBHOOK_RETRY_INITIAL_MS: '200' };
  stack = await startRepairStack({ env });
  // Only the worker process serves the task queue: every count happens there.
  stack.worker.shutdown();
  await eventually(async () => stack.worker.getState(), (s) => s === 'STOPPED');
  Object.assign(ports, { worker: await freePort(), sdk: await freePort(), api: await freePort() });
  worker = await startWorkerProcess(stack, { ...env, WORKER_METRICS_PORT: String(ports.worker), WORKER_SDK_METRICS_PORT: String(ports.sdk) });
  api = await startApiProcess(stack, { ...env, API_METRICS_PORT: String(ports.api) });
});
afterAll(async () => {
  await worker?.kill();
  await api?.kill();
  await stack?.close();
  await receivers?.close();
  await sinks?.close();
});

async function post(path: string, body: object): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${api.url}${path}`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const PHONE = '+34600111222';
const EMAIL = 'metrics-owner@example.com';

/** Org one: alerted on every channel, subscribed to its repair events; its Deliveroo login is reset and fixed. */
async function repairOneConnection(): Promise<void> {
  const m = await createAlertingMerchant(stack, { name: 'Métricas Uno', phone: PHONE, email: EMAIL, stores: 1, printer: sinks.printerAddress });
  const users = (await stack.app.inject({ method: 'GET', url: `/v1/orgs/${m.orgId}/users`, headers: auth() })).json() as { items: { id: string }[] };
  const subscribed = await post('/v1/webhooks', { url: receivers.url('/metrics'), events: ['repair.opened', 'repair.resolved'], orgId: m.orgId });
  expect(subscribed.status).toBe(201);
  const accountRef = m.accountRefs[0]!;
  await sandboxAccount(stack, 'deliveroo', accountRef, { password: 'new-pw-after-reset' });
  const reported = await post('/v1/disconnections', { connectionId: m.connections[0], errorCode: ruleFor('deliveroo', 'invalid_credentials')!.code });
  expect(reported.status).toBe(202);
  await eventually(async () => sinks.sms.filter((s) => s.to === PHONE).length, (n) => n === 1, 30_000);
  const repairId = reported.json.repairId as string;
  const fixed = await post(`/v1/repairs/${repairId}/credentials`, { actingUserId: users.items[0]!.id, username: accountRef, password: 'new-pw-after-reset' });
  expect(fixed.json.outcome).toBe('healthy');
  // The "reconnected" e-mail and SMS, and both webhook events, have gone out.
  await eventually(async () => sinks.sms.filter((s) => s.to === PHONE).length, (n) => n === 2, 30_000);
  await eventually(async () => receivers.received.filter((r) => r.status === 204).length, (n) => n === 2, 30_000);
}

/** Org two: no contacts (so no alerts), one repair left open at the portal steps, one support ticket. */
async function leaveOneOpen(): Promise<void> {
  const m = await setUpMerchant(stack, { provider: 'deliveroo', stores: 1 });
  const reported = await post('/v1/disconnections', { connectionId: m.connectionId, errorCode: ruleFor('deliveroo', 'invalid_store_config', 'store_inactive')!.code });
  expect(reported.status).toBe(202);
  expect((await post('/v1/tickets', { orgId: m.orgId, actingUserId: m.owner, subject: 'Orders missing', message: 'Since noon nothing arrives.' })).status).toBe(201);
}

const workerMetrics = () => scrape(url(ports.worker));
const apiMetrics = () => scrape(url(ports.api));
const repairSeries = (samples: Sample[]) => samples.filter((s) => s.name.startsWith('repair_'));

describe('repair metrics', () => {
  it('counts one repair in the worker and reads the open ones from the database in the API', async () => {
    await repairOneConnection();
    await leaveOneOpen();
    const sent = (channel: string, kind: string) => ({ channel, kind, status: 'sent' });
    const w = await eventually(workerMetrics, (s) => valueOf(s, 'repair_alerts_total', sent('sms', 'reconnected')) === 1 && valueOf(s, 'repair_repairs_opened_total', { error_type: 'invalid_store_config' }) === 1, 30_000);
    expect(valueOf(w, 'repair_repairs_opened_total', { provider: 'deliveroo', error_type: 'invalid_credentials' })).toBe(1);
    expect(valueOf(w, 'repair_repairs_resolved_total', { provider: 'deliveroo', outcome: 'healthy' })).toBe(1);
    expect(valueOf(w, 'repair_time_to_repair_seconds_count', { provider: 'deliveroo', error_type: 'invalid_credentials' })).toBe(1);
    // Seconds, not days: the first bucket (a minute) holds it.
    expect(valueOf(w, 'repair_time_to_repair_seconds_bucket', { provider: 'deliveroo', error_type: 'invalid_credentials', le: '60' })).toBe(1);
    for (const [channel, kind] of [['email', 'action_needed'], ['sms', 'action_needed'], ['ticket', 'action_needed'], ['email', 'reconnected'], ['sms', 'reconnected']] as const) {
      expect(valueOf(w, 'repair_alerts_total', sent(channel, kind)), `${channel} ${kind}`).toBe(1);
    }
    expect(valueOf(w, 'repair_alerts_total', { status: 'failed' })).toBeUndefined();
    // The segments of the texts that went out, as Twilio's calculator (in the SMS sink) counted them.
    const segments = sinks.sms.filter((s) => s.to === PHONE).reduce((n, s) => n + s.segments, 0);
    expect(segments).toBeGreaterThanOrEqual(2);
    expect(valueOf(w, 'repair_sms_segments_total', { channel: 'sms' })).toBe(segments);
    expect(valueOf(w, 'repair_webhook_deliveries_total', { status: 'delivered' })).toBe(2);
    expect(valueOf(w, 'repair_ticket_sla_breaches_total')).toBe(0);
    expect(w.every((s) => s.labels.service === 'repair-worker')).toBe(true);

    const a = await apiMetrics();
    expect(valueOf(a, 'repair_open_repairs', { provider: 'deliveroo', state: 'awaiting_portal_steps' })).toBe(1);
    expect(a.filter((s) => s.name === 'repair_open_repairs' && s.value > 0)).toHaveLength(1);
    expect(valueOf(a, 'repair_tickets_open')).toBe(1);
    expect(a.filter((s) => s.name === 'repair_provider_degraded').map((s) => s.labels.provider).sort()).toEqual(PROVIDERS.map((p) => p.id).sort());
    expect(valueOf(a, 'repair_provider_degraded', { provider: 'deliveroo' })).toBe(0);
    // The worker's process counts; the API only reads the database.
    expect(a.some((s) => s.name.startsWith('repair_repairs_'))).toBe(false);
    expect(w.some((s) => s.name === 'repair_open_repairs')).toBe(false);
  });

  it('labels no series with an org, store, repair or connection', async () => {
    const samples = [...(await workerMetrics()), ...(await apiMetrics())];
    const names = new Set(samples.flatMap((s) => Object.keys(s.labels)));
    expect([...names].filter((n) => /org|store|repair|connection|user|account|_id$|^id$/i.test(n))).toEqual([]);
    expect([...new Set(repairSeries(samples).flatMap((s) => Object.keys(s.labels)))].sort()).toEqual(['answer', 'channel', 'error_type', 'kind', 'le', 'outcome', 'provider', 'route', 'service', 'state', 'status']);
    // No value looks like one of our ids either (org_…, sto_…, rep_…).
    expect(samples.flatMap((s) => Object.values(s.labels)).filter((v) => /^[a-z]{3,4}_[0-9a-z]{10,}/i.test(v))).toEqual([]);
  });

  it('serves the Temporal SDK metrics on their own port', async () => {
    const text = await (await fetch(`${url(ports.sdk)}/metrics`)).text();
    expect(text).toMatch(/^temporal_/m);
    // Ours are prom-client's, on the worker's own port (the SDK port may carry repair_reconcile_started, made with the SDK's meter).
    expect(text).not.toMatch(/^repair_(repairs|time_to_repair|alerts|sms|webhook|ticket)/m);
    expect((await workerMetrics()).some((s) => s.name.startsWith('temporal_'))).toBe(false);
  });

  it('reads the same gauges after the API restarts (nothing counted in memory)', async () => {
    // Only the process's own kept answers are counted in memory (repair_read_answers_total, a counter per process).
    const gauges = (samples: Awaited<ReturnType<typeof apiMetrics>>) => repairSeries(samples).filter((s) => ['repair_open_repairs', 'repair_tickets_open', 'repair_provider_degraded'].includes(s.name));
    const before = gauges(await apiMetrics());
    await api.kill();
    ports.api = await freePort();
    api = await startApiProcess(stack, { ...env, API_METRICS_PORT: String(ports.api) });
    const after = gauges(await apiMetrics());
    expect(after).toEqual(before);
    expect(repairSeries(await apiMetrics()).filter((s) => !['repair_open_repairs', 'repair_tickets_open', 'repair_provider_degraded', 'repair_read_answers_total'].includes(s.name))).toEqual([]);
    expect(valueOf(after, 'repair_open_repairs', { provider: 'deliveroo', state: 'awaiting_portal_steps' })).toBe(1);
  });
});

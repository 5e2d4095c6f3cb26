// Demo data for `npm run dev`, created through the public API (the same path as any backend).
// Idempotent: a second start finds the demo organization. Every start re-seeds the sandbox accounts
// broken and reports them, so the merchant pages always have a repair of each kind to walk through.
import { ruleFor } from '../core/providers/index.js';
import { connectDemoPrinter } from './demo-printer.js';

export interface DemoTargets {
  apiUrl: string;
  apiKey: string;
  sandboxUrl: string;
  /** The printer sink, so the first store prints repair tickets in development. */
  printerAddress?: string;
  /** The printer sink's page, told to poll as the second store's cloud printer (CloudPRNT). */
  printerSinkUrl?: string;
}

export const DEMO_ORG_NAME = 'Casa Lola Group';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Uber Eats lost its session (reconnect, with an SMS code), Deliveroo paused a store (portal steps), DoorDash works. */
const DEMO_ACCOUNTS = [
  { provider: 'uber_eats', accountRef: 'casa-lola-ue', stores: [0, 1, 2, 3], sandbox: { secondFactor: 'sms', linked: false }, broken: ruleFor('uber_eats', 'invalid_credentials') },
  { provider: 'deliveroo', accountRef: 'casa-lola-roo', stores: [0, 1], sandbox: { storeStatus: 'inactive' }, broken: ruleFor('deliveroo', 'invalid_store_config', 'store_inactive') },
  { provider: 'doordash', accountRef: 'bao-bros-dd', stores: [2, 3], sandbox: {}, broken: undefined },
];

async function call<T>(t: DemoTargets, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${t.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${t.apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function seedSandbox(t: DemoTargets): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const res = await fetch(`${t.sandboxUrl}/sandbox/accounts/${account.provider}/${account.accountRef}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'correct-horse', ...account.sandbox }),
    });
    if (!res.ok) throw new Error(`sandbox seed: ${res.status}`);
  }
}

/** Returns the demo organization's id. */
export async function seedDemoData(t: DemoTargets): Promise<string> {
  await seedSandbox(t);
  const existing = (await call<{ items: { id: string; name: string }[] }>(t, 'GET', '/v1/orgs?limit=500')).items.find((o) => o.name === DEMO_ORG_NAME);
  const orgId = existing?.id ?? (await createDemoOrg(t));
  // Before the reports, so the printer has its "action needed" tickets to fetch.
  if (t.printerSinkUrl) await connectDemoPrinter((method, path, body) => call(t, method, path, body), orgId, t.printerSinkUrl);
  await reportBrokenAccounts(t, orgId);
  return orgId;
}

/** A backend's report for each broken demo account; one that is already being repaired is joined, never twinned. */
async function reportBrokenAccounts(t: DemoTargets, orgId: string): Promise<void> {
  const connections = (await call<{ items: { id: string; provider: string; accountRef: string }[] }>(t, 'GET', `/v1/connections?orgId=${orgId}`)).items;
  for (const account of DEMO_ACCOUNTS) {
    const connection = connections.find((c) => c.provider === account.provider && c.accountRef === account.accountRef);
    if (connection && account.broken) await call(t, 'POST', '/v1/disconnections', { connectionId: connection.id, errorCode: account.broken.code });
  }
}

async function createDemoOrg(t: DemoTargets): Promise<string> {

  const org = await call<{ id: string }>(t, 'POST', '/v1/orgs', { name: DEMO_ORG_NAME, locale: 'es', timezone: 'Europe/Madrid', environment: 'production' });
  const lola = await call<{ id: string }>(t, 'POST', `/v1/orgs/${org.id}/users`, { email: 'lola@casalola.example', name: 'Lola Martín', phone: '+34600111222', locale: 'es', permissions: ['integrations:view', 'integrations:reconnect', 'contacts:edit', 'users:invite', 'support:chat'] });
  await call(t, 'POST', `/v1/orgs/${org.id}/users`, { email: 'marco@casalola.example', name: 'Marco Rossi', locale: 'it', permissions: ['integrations:view', 'support:chat'] });
  const locations = [
    await call<{ id: string }>(t, 'POST', `/v1/orgs/${org.id}/locations`, { name: 'Lavapiés', timezone: 'Europe/Madrid' }),
    await call<{ id: string }>(t, 'POST', `/v1/orgs/${org.id}/locations`, { name: 'Chamberí', timezone: 'Europe/Madrid' }),
  ];
  const brands = [
    await call<{ id: string }>(t, 'POST', `/v1/orgs/${org.id}/brands`, { name: 'Casa Lola' }),
    await call<{ id: string }>(t, 'POST', `/v1/orgs/${org.id}/brands`, { name: 'Bao Bros' }),
  ];
  const stores: string[] = [];
  for (const location of locations) {
    for (const brand of brands) {
      const printer = stores.length === 0 && t.printerAddress ? { printerAddress: t.printerAddress } : {};
      // Realistic weeknight figures for a Madrid kitchen, per provider.
      const busy = 1 + stores.length * 0.35;
      const salesProfile = {
        uber_eats: { ordersPerHour: round1(6.5 * busy), averageOrderValue: 23.4, currency: 'EUR' },
        deliveroo: { ordersPerHour: round1(4.2 * busy), averageOrderValue: 26.9, currency: 'EUR' },
        doordash: { ordersPerHour: round1(2.8 * busy), averageOrderValue: 21.5, currency: 'EUR' },
      };
      stores.push((await call<{ id: string }>(t, 'POST', `/v1/orgs/${org.id}/stores`, { locationId: location.id, brandId: brand.id, salesProfile, ...printer })).id);
    }
  }
  // Complete contacts, so alerts reach the local sinks (shown on their pages).
  await call(t, 'PUT', `/v1/orgs/${org.id}/contacts`, {
    alertContacts: [{ userId: lola.id }],
    emergencyTechnical: [{ name: 'Casa Lola on-call', email: 'oncall@casalola.example', phone: '+34600999000' }],
    nonEmergencyTechnical: [{ name: 'Tech team', email: 'tech@casalola.example' }],
    merchantOperations: [{ name: 'Operations', email: 'ops@casalola.example' }],
    platformOperations: [{ name: 'Operations', email: 'ops@casalola.example' }],
    userFacingOperations: { email: 'hola@casalola.example', phone: '+34910000000' },
    supportHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '24:00', timezone: 'Europe/Madrid' }],
  });
  for (const account of DEMO_ACCOUNTS) {
    await call(t, 'POST', '/v1/connections', { orgId: org.id, provider: account.provider, accountRef: account.accountRef, storeIds: account.stores.map((i) => stores[i]) });
  }
  return org.id;
}

// An organization ready to be alerted, made through the API: one user (e-mail and phone), `stores`
// stores each on its own Deliveroo connection (or the `connections` given), and complete contact
// details unless told otherwise.
import { expect } from 'vitest';
import { auth } from './api.js';
import type { RepairStack } from './repair-stack.js';

export interface AlertingMerchantOptions {
  name: string;
  phone: string;
  email: string;
  locale?: string;
  userLocale?: string;
  stores?: number;
  contacts?: 'complete' | 'none';
  hours?: object[];
  printer?: string;
  storePhone?: string;
  /** How the user's phone gets alerts (SMS unless said). */
  messaging?: 'sms' | 'whatsapp' | 'both';
  /** The emergency contact's phone (the emergency escalation calls it). */
  emergencyPhone?: string;
  /** Usual sales of store i (0-based) per provider, for lost-sales estimates. */
  salesProfile?: (i: number) => Record<string, { ordersPerHour: number; averageOrderValue: number; currency: string }>;
  /** Instead of one Deliveroo connection per store: these connections, each with stores by index. */
  connections?: { provider: string; stores: number[] }[];
}

export interface AlertingMerchant {
  orgId: string;
  userId: string;
  connections: string[];
  /** Each connection's provider login, in the order of `connections`: what a test sets up in the sandbox. */
  accountRefs: string[];
}

export async function createAlertingMerchant(stack: RepairStack, options: AlertingMerchantOptions): Promise<AlertingMerchant> {
  const post = async (url: string, payload: object): Promise<{ id: string }> => {
    const res = await stack.app.inject({ method: 'POST', url, payload, headers: auth() });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  const locale = options.locale ?? 'en';
  const org = await post('/v1/orgs', { name: options.name, locale, timezone: 'Europe/Madrid', environment: 'production' });
  const user = await post(`/v1/orgs/${org.id}/users`, { email: options.email, phone: options.phone, locale: options.userLocale ?? locale, permissions: ['integrations:reconnect'] });
  const brand = await post(`/v1/orgs/${org.id}/brands`, { name: 'Churros Ñam' });
  const connections: string[] = [];
  const storeIds: string[] = [];
  for (let i = 0; i < (options.stores ?? 1); i += 1) {
    const loc = await post(`/v1/orgs/${org.id}/locations`, { name: `Local ${String(i + 1).padStart(2, '0')}` });
    const store = await post(`/v1/orgs/${org.id}/stores`, {
      locationId: loc.id,
      brandId: brand.id,
      ...(options.storePhone ? { alertPhones: [options.storePhone] } : {}),
      ...(options.printer ? { printerAddress: options.printer } : {}),
      ...(options.salesProfile ? { salesProfile: options.salesProfile(i) } : {}),
    });
    storeIds.push(store.id);
  }
  const wanted = options.connections ?? storeIds.map((_, i) => ({ provider: 'deliveroo', stores: [i] }));
  const accountRefs = wanted.map((c, n) => `${c.provider}-${org.id}-${n}`);
  for (const [n, c] of wanted.entries()) {
    connections.push((await post('/v1/connections', { orgId: org.id, provider: c.provider, accountRef: accountRefs[n], storeIds: c.stores.map((i) => storeIds[i]) })).id);
  }
  if (options.contacts !== 'none') {
    const res = await stack.app.inject({
      method: 'PUT',
      url: `/v1/orgs/${org.id}/contacts`,
      headers: auth(),
      payload: {
        alertContacts: [{ userId: user.id, ...(options.messaging ? { messaging: options.messaging } : {}) }],
        emergencyTechnical: [{ name: 'Pager', email: `pager-${org.id}@example.com`, ...(options.emergencyPhone ? { phone: options.emergencyPhone } : {}) }],
        nonEmergencyTechnical: [{ name: 'Tech', email: `tech-${org.id}@example.com` }],
        merchantOperations: [{ name: 'Ops', email: `ops-${org.id}@example.com` }],
        platformOperations: [{ name: 'Platform', email: `platform-${org.id}@example.com` }],
        userFacingOperations: { email: `help-${org.id}@example.com` },
        supportHours: options.hours ?? [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '24:00', timezone: 'Europe/Madrid' }],
      },
    });
    expect(res.statusCode).toBe(200);
  }
  return { orgId: org.id, userId: user.id, connections, accountRefs };
}

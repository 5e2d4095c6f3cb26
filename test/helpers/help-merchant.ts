// A merchant for the help assistant's tests: an organization with an owner (may reconnect) and a
// viewer (may only look), stores at named locations, and open repairs as their workflows record
// them (the readable copy in PostgreSQL is what the assistant reads; no workflow needs to run).
import type { FastifyInstance } from 'fastify';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Repair, User } from '../../core/db/entities/index.js';
import { newId } from '../../core/db/ids.js';
import { auth } from './api.js';

async function post(app: FastifyInstance, url: string, payload: object): Promise<{ id: string }> {
  const res = await app.inject({ method: 'POST', url, payload, headers: auth() });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export interface OpenRepairSpec {
  provider: string;
  accountRef: string;
  state: string;
  errorType: string;
  cause?: string;
  resolution: string;
  location: string;
}

export interface HelpMerchant {
  orgId: string;
  owner: string;
  viewer: string;
  repairs: Record<string, string>;
}

/** `repairs` is keyed by accountRef in the answer. */
export async function helpMerchant(app: FastifyInstance, orm: MikroORM, options: { locale?: string; repairs: OpenRepairSpec[] }): Promise<HelpMerchant> {
  const org = await post(app, '/v1/orgs', { name: 'Casa Lola', locale: options.locale ?? 'en', timezone: 'Europe/Madrid', environment: 'production' });
  const owner = await post(app, `/v1/orgs/${org.id}/users`, { email: `lola-${org.id}@example.com`, permissions: ['integrations:view', 'integrations:reconnect', 'support:chat'] });
  const viewer = await post(app, `/v1/orgs/${org.id}/users`, { email: `marco-${org.id}@example.com`, permissions: ['integrations:view', 'support:chat'] });
  const em = orm.em.fork();
  await em.nativeUpdate(User, { id: owner.id }, { name: 'Lola Martín' });
  await em.nativeUpdate(User, { id: viewer.id }, { name: 'Marco Rossi' });
  const brand = await post(app, `/v1/orgs/${org.id}/brands`, { name: 'Casa Lola' });
  const repairs: Record<string, string> = {};
  for (const spec of options.repairs) {
    const location = await post(app, `/v1/orgs/${org.id}/locations`, { name: spec.location });
    const store = await post(app, `/v1/orgs/${org.id}/stores`, { locationId: location.id, brandId: brand.id });
    const connection = await post(app, '/v1/connections', { orgId: org.id, provider: spec.provider, accountRef: spec.accountRef, storeIds: [store.id] });
    const id = newId('rep');
    const now = new Date();
    await em.insert(Repair, {
      id, workflowId: `repair-${connection.id}`, org: org.id, connection: connection.id, provider: spec.provider, accountRef: spec.accountRef, storeIds: [store.id],
      state: spec.state, errorCode: null, errorMessage: null, errorType: spec.errorType, cause: spec.cause ?? null, resolution: spec.resolution,
      attempts: 0, lastOutcome: null, reportCount: 1, reminderCount: 0, escalation: 'none', supportRequested: false, deferredUntil: null,
      openedAt: now, updatedAt: now, resolvedAt: null, outcome: null, revision: 1,
    });
    repairs[spec.accountRef] = id;
  }
  return { orgId: org.id, owner: owner.id, viewer: viewer.id, repairs };
}

export const UBER_CODE: Omit<OpenRepairSpec, 'accountRef'> = { provider: 'uber_eats', state: 'awaiting_verification_code', errorType: 'two_factor_required', resolution: 'reconnect', location: 'Madrid Chueca' };
export const DELIVEROO_INACTIVE: Omit<OpenRepairSpec, 'accountRef'> = { provider: 'deliveroo', state: 'awaiting_portal_steps', errorType: 'invalid_store_config', cause: 'store_inactive', resolution: 'merchant_portal', location: 'Sevilla Centro' };

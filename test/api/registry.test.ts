import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApi, TEST_AGENT_KEY, type TestApi } from '../helpers/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api?.close());

async function post(url: string, payload: unknown, headers = auth()) {
  return api.app.inject({ method: 'POST', url, payload: payload as object, headers });
}

async function newOrg(name = 'Tapas Group') {
  const res = await post('/v1/orgs', { name, locale: 'es', timezone: 'Europe/Madrid', environment: 'production' });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as { status: number; title: string; type: string; errors?: { name: string; reason: string }[] };
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^https:\/\//);
  return body;
}

describe('authentication', () => {
  it('refuses /v1 without a key', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/orgs' });
    expectProblem(res, 401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('refuses a wrong key and a malformed header', async () => {
    expectProblem(await api.app.inject({ method: 'GET', url: '/v1/orgs', headers: { authorization: 'Bearer nope-nope-nope' } }), 401);
    expectProblem(await api.app.inject({ method: 'GET', url: '/v1/orgs', headers: { authorization: 'Basic abc' } }), 401);
  });

  it('accepts every configured key', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/v1/orgs', headers: auth(TEST_AGENT_KEY) })).statusCode).toBe(200);
  });

  it('leaves health and docs open', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const doc = (await api.app.inject({ method: 'GET', url: '/docs/json' })).json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/orgs', '/v1/orgs/{orgId}/stores', '/v1/connections']));
  });
});

describe('organizations', () => {
  it('creates and reads an organization', async () => {
    const org = await newOrg();
    const res = await api.app.inject({ method: 'GET', url: `/v1/orgs/${org.id}`, headers: auth() });
    expect(res.json()).toMatchObject({ id: org.id, name: 'Tapas Group', locale: 'es', timezone: 'Europe/Madrid', environment: 'production' });
  });

  it('names every invalid field', async () => {
    const res = await post('/v1/orgs', { name: '', locale: 'de', timezone: 'Mars/Olympus', environment: 'staging', extra: 1 });
    const body = expectProblem(res, 400);
    expect(body.errors!.map((e) => e.name).sort()).toEqual(['body.environment', 'body.extra', 'body.locale', 'body.name', 'body.timezone']);
  });

  it('answers 400 for malformed JSON and 404 for an unknown org', async () => {
    const bad = await api.app.inject({ method: 'POST', url: '/v1/orgs', payload: '{"name":', headers: { ...auth(), 'content-type': 'application/json' } });
    expectProblem(bad, 400);
    expectProblem(await api.app.inject({ method: 'GET', url: '/v1/orgs/org_doesnotexist', headers: auth() }), 404);
    const badId = expectProblem(await api.app.inject({ method: 'GET', url: '/v1/orgs/42', headers: auth() }), 400);
    expect(badId.errors![0]!.name).toBe('params.orgId');
  });
});

describe('users', () => {
  it('creates a user with permissions and validates e-mail and phone', async () => {
    const org = await newOrg();
    const ok = await post(`/v1/orgs/${org.id}/users`, { email: 'Ana@Example.com', phone: '+34600111222', permissions: ['integrations:reconnect', 'integrations:view'] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ orgId: org.id, email: 'ana@example.com', phone: '+34600111222', permissions: ['integrations:reconnect', 'integrations:view'] });

    const bad = await post(`/v1/orgs/${org.id}/users`, { email: 'not-an-email', phone: '600111222', permissions: ['root'] });
    expect(expectProblem(bad, 400).errors!.map((e) => e.name)).toEqual(expect.arrayContaining(['body.email', 'body.phone']));

    expectProblem(await post(`/v1/orgs/${org.id}/users`, { email: 'ana@example.com', permissions: [] }), 409);
    const list = await api.app.inject({ method: 'GET', url: `/v1/orgs/${org.id}/users`, headers: auth() });
    expect((list.json() as { items: unknown[] }).items).toHaveLength(1);
  });

  it('answers 404 for users of an unknown organization', async () => {
    expectProblem(await post('/v1/orgs/org_missing/users', { email: 'x@example.com', permissions: [] }), 404);
  });
});

describe('stores and connections', () => {
  async function storeSetup() {
    const org = await newOrg();
    const loc = (await post(`/v1/orgs/${org.id}/locations`, { name: 'Gràcia kitchen', timezone: 'Europe/Madrid' })).json() as { id: string };
    const brand = (await post(`/v1/orgs/${org.id}/brands`, { name: 'Bocata Bros' })).json() as { id: string };
    const store = await post(`/v1/orgs/${org.id}/stores`, { locationId: loc.id, brandId: brand.id });
    expect(store.statusCode).toBe(201);
    return { org, loc, brand, store: store.json() as { id: string } };
  }

  it('creates a store for a location and brand of the same organization', async () => {
    const { org, loc, brand, store } = await storeSetup();
    const read = await api.app.inject({ method: 'GET', url: `/v1/orgs/${org.id}/stores/${store.id}`, headers: auth() });
    expect(read.json()).toMatchObject({ id: store.id, locationId: loc.id, brandId: brand.id });
    expectProblem(await post(`/v1/orgs/${org.id}/stores`, { locationId: loc.id, brandId: brand.id }), 409);
  });

  it('refuses a store for a location of another organization with 422', async () => {
    const a = await storeSetup();
    const b = await storeSetup();
    const res = await post(`/v1/orgs/${a.org.id}/stores`, { locationId: b.loc.id, brandId: a.brand.id });
    const body = expectProblem(res, 422);
    expect(body.errors).toEqual([expect.objectContaining({ name: 'body.locationId', reason: expect.stringContaining('another organization') })]);
  });

  it('creates connections, healthy by default, and lists them by organization', async () => {
    const { org, store } = await storeSetup();
    const res = await post('/v1/connections', { orgId: org.id, provider: 'uber_eats', accountRef: 'ue-acct-1', storeIds: [store.id] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ provider: 'uber_eats', status: 'healthy', selfRepairable: true, storeIds: [store.id] });

    const other = await post('/v1/connections', { orgId: org.id, provider: 'tiny_local_delivery', accountRef: 'x1', storeIds: [store.id] });
    expect(other.statusCode).toBe(201);
    expect(other.json()).toMatchObject({ selfRepairable: false });

    const list = await api.app.inject({ method: 'GET', url: `/v1/connections?orgId=${org.id}`, headers: auth() });
    expect((list.json() as { items: { status: string }[] }).items.map((c) => c.status)).toEqual(['healthy', 'healthy']);
    expectProblem(await post('/v1/connections', { orgId: org.id, provider: 'uber_eats', accountRef: 'ue-acct-1', storeIds: [store.id] }), 409);
  });

  it('refuses stores of another organization and requires orgId on the list', async () => {
    const a = await storeSetup();
    const b = await storeSetup();
    const res = await post('/v1/connections', { orgId: a.org.id, provider: 'doordash', accountRef: 'dd-1', storeIds: [a.store.id, b.store.id] });
    expect(expectProblem(res, 422).errors).toEqual([expect.objectContaining({ name: 'body.storeIds.1' })]);
    const noOrg = await api.app.inject({ method: 'GET', url: '/v1/connections', headers: auth() });
    expect(expectProblem(noOrg, 400).errors![0]!.name).toBe('query.orgId');
    expectProblem(await api.app.inject({ method: 'GET', url: '/v1/connections/con_unknown', headers: auth() }), 404);
  });
});

describe('operations', () => {
  it('is ready when PostgreSQL and Temporal answer', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });

  it('answers unknown routes with problem+json', async () => {
    expectProblem(await api.app.inject({ method: 'GET', url: '/nowhere' }), 404);
  });
});

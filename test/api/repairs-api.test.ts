// The repair API's own answers (no worker needed): validation, unknown ids, the provider catalogue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api?.close());

const post = (url: string, payload: object) => api.app.inject({ method: 'POST', url, payload, headers: auth() });

describe('POST /v1/disconnections', () => {
  it('names each invalid field', async () => {
    const res = await post('/v1/disconnections', { connectionId: 'nope', errorCode: '', occurredAt: 'yesterday' });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { errors: { name: string }[] }).errors.map((e) => e.name).sort()).toEqual(['body.connectionId', 'body.errorCode', 'body.occurredAt']);
  });

  it('answers 404 for an unknown connection and loses nothing silently', async () => {
    const res = await post('/v1/disconnections', { connectionId: 'con_unknown00000', errorCode: 'AUTH.INVALID_CREDENTIALS' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('repairs', () => {
  it('answers 404 for an unknown repair and 400 for a malformed id', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/v1/repairs/rep_unknown0000000', headers: auth() })).statusCode).toBe(404);
    expect((await api.app.inject({ method: 'GET', url: '/v1/repairs/42', headers: auth() })).statusCode).toBe(400);
    expect((await post('/v1/repairs/rep_unknown0000000/credentials', { actingUserId: 'usr_x0', username: 'a', password: 'b' })).statusCode).toBe(404);
  });

  it('validates action bodies and keeps the password out of the error', async () => {
    const res = await post('/v1/repairs/rep_unknown0000000/credentials', { actingUserId: 'usr_x0', username: 'a', password: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('"password":""');
    const code = await post('/v1/repairs/rep_unknown0000000/verification-code', { actingUserId: 'usr_x0', code: '12 34' });
    expect((code.json() as { errors: { name: string }[] }).errors[0]!.name).toBe('body.code');
  });

  it('lists the repairs of an organization (none yet)', async () => {
    const org = (await post('/v1/orgs', { name: 'Empty', locale: 'pt', timezone: 'Europe/Lisbon', environment: 'sandbox' })).json() as { id: string };
    const res = await api.app.inject({ method: 'GET', url: `/v1/repairs?orgId=${org.id}&state=open`, headers: auth() });
    expect(res.json()).toEqual({ items: [] });
  });
});

describe('GET /v1/providers', () => {
  it('publishes the catalogue in the requested language', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/v1/providers?locale=es', headers: auth() });
    const body = res.json() as { providers: { id: string; errors: { code: string; resolution: string; errorTypeLabel: string }[] }[] };
    expect(body.providers).toHaveLength(15);
    const deliveroo = body.providers.find((p) => p.id === 'deliveroo')!;
    expect(deliveroo.errors.find((e) => e.code === 'RESTAURANT_INACTIVE')).toMatchObject({ resolution: 'merchant_portal', errorTypeLabel: 'La tienda necesita un ajuste en la plataforma' });
  });
});

// The control API: creates and merges accounts, validates every field, never shows a password.
import { afterAll, describe, expect, it } from 'vitest';
import { buildSandbox } from '../../dev/sandbox/app.js';
import { sandboxClient, uniqueRef } from './sandbox-fixture.js';

const app = buildSandbox();
afterAll(() => app.close());
const sandbox = sandboxClient(app);

describe('PUT /sandbox/accounts/:provider/:accountRef', () => {
  it('creates an account with the defaults, linked, without a body', async () => {
    const ref = uniqueRef('defaults');
    const res = await sandbox.put('uber_eats', ref);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      provider: 'uber_eats', accountRef: ref, username: ref, secondFactor: 'none', blocked: false, storeStatus: 'active',
      nonTraditionalLogin: false, latencyMs: 0, failureMode: 'none', linked: true,
    });
  });

  it('merges later settings into the account', async () => {
    const ref = uniqueRef('merge');
    await sandbox.put('doordash', ref, { blocked: true, username: 'owner@example.com' });
    const res = await sandbox.put('doordash', ref, { storeStatus: 'inactive', latencyMs: 25 });
    expect(res.json()).toMatchObject({ username: 'owner@example.com', blocked: true, storeStatus: 'inactive', latencyMs: 25, linked: true });
  });

  it('never shows the password, in any answer', async () => {
    const ref = uniqueRef('secret');
    const put = await sandbox.put('glovo', ref, { password: 'p4ss-never-shown' });
    const list = await app.inject({ method: 'GET', url: '/sandbox/accounts' });
    for (const res of [put, await sandbox.get('glovo', ref), list]) {
      expect(res.body).not.toContain('p4ss-never-shown');
      expect(res.body).not.toContain('correct-horse');
    }
  });

  it.each([
    ['username', ''],
    ['username', 5],
    ['password', ''],
    ['secondFactor', 'fax'],
    ['secondFactor', 'email'],
    ['blocked', 'true'],
    ['storeStatus', 'closed'],
    ['nonTraditionalLogin', 1],
    ['latencyMs', -1],
    ['latencyMs', 1.5],
    ['latencyMs', '100'],
    ['latencyMs', 500_000],
    ['failureMode', 'slow'],
    ['storestatus', 'inactive'],
  ])('refuses %s = %j with a 400 naming the field, and changes nothing', async (field, value) => {
    const ref = uniqueRef('invalid');
    const res = await sandbox.put('deliveroo', ref, { [field]: value });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_field', field });
    expect(res.json().message).toContain(field);
    expect((await sandbox.get('deliveroo', ref)).statusCode).toBe(404);
  });

  it('names every invalid field at once', async () => {
    const res = await sandbox.put('deliveroo', uniqueRef('many'), { blocked: 'yes', failureMode: 'maybe', secondFactor: 'fax' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { field: string }) => f.field).sort()).toEqual(['blocked', 'failureMode', 'secondFactor']);
    expect(res.json().fields.find((f: { field: string }) => f.field === 'secondFactor').message).toBe('must be one of none, sms, totp');
  });

  it('refuses a body that is not an object', async () => {
    const res = await app.inject({ method: 'PUT', url: `/sandbox/accounts/rappi/${uniqueRef('array')}`, payload: '[1,2]', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_field', field: 'body' });
  });

  it('answers 404 for a provider it does not simulate, whatever the body', async () => {
    for (const payload of [{}, { blocked: 'not even valid' }]) {
      const res = await sandbox.put('pizza_planet', 'x', payload);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: 'unknown_provider' });
      expect(res.json().message).toContain('pizza_planet');
    }
  });
});

describe('reading, deleting and resetting', () => {
  it('reads an account back and forgets it once deleted', async () => {
    const ref = uniqueRef('cycle');
    await sandbox.put('grubhub', ref, { secondFactor: 'totp' });
    expect((await sandbox.get('grubhub', ref)).json()).toMatchObject({ accountRef: ref, secondFactor: 'totp' });
    expect((await sandbox.remove('grubhub', ref)).statusCode).toBe(204);
    expect((await sandbox.get('grubhub', ref)).statusCode).toBe(404);
    expect((await sandbox.remove('grubhub', ref)).statusCode).toBe(404);
  });

  it('keeps the same reference apart between providers', async () => {
    const ref = uniqueRef('twin');
    await sandbox.put('jahez', ref, { blocked: true });
    await sandbox.put('yogiyo', ref, {});
    expect((await sandbox.get('yogiyo', ref)).json()).toMatchObject({ blocked: false });
  });

  it('clears everything on reset', async () => {
    const local = buildSandbox();
    const client = sandboxClient(local);
    await client.put('baemin', 'a');
    await client.put('rappi', 'b');
    expect((await local.inject({ method: 'POST', url: '/sandbox/reset' })).json()).toEqual({ reset: true });
    expect((await client.get('baemin', 'a')).statusCode).toBe(404);
    expect((await local.inject({ method: 'GET', url: '/sandbox/accounts' })).json()).toEqual({ accounts: [] });
    await local.close();
  });

  it('answers 404 for the last code of an unknown account or of one never sent a code', async () => {
    expect((await sandbox.lastCode('chownow', uniqueRef('nobody'))).json()).toMatchObject({ error: 'unknown_account' });
    const ref = uniqueRef('no-code');
    await sandbox.put('chownow', ref);
    const res = await sandbox.lastCode('chownow', ref);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'no_code_sent' });
  });

  it('says it is alive', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
  });
});

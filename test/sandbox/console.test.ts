// The sandbox console: the demo merchant's login, phone and provider portal, as pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSandbox } from '../../dev/sandbox/app.js';
import { PARTNER_AUTH, sandboxClient, uniqueRef } from './sandbox-fixture.js';

const app = buildSandbox();
const sandbox = sandboxClient(app);
beforeAll(() => app.ready());
afterAll(() => app.close());

const form = (url: string, fields: Record<string, string>) =>
  app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('sandbox console', () => {
  it('lists the accounts and shows one’s login, last code and store', async () => {
    const ref = uniqueRef('console');
    await sandbox.put('uber_eats', ref, { password: 'demo-pass', secondFactor: 'sms' });
    expect((await app.inject({ method: 'GET', url: '/console' })).body).toContain(`/console/uber_eats/${ref}`);
    const before = await app.inject({ method: 'GET', url: `/console/uber_eats/${ref}` });
    expect(before.headers['content-type']).toMatch(/text\/html/);
    expect(before.body).toContain('demo-pass');
    expect(before.body).toContain('No code sent yet');
    await sandbox.login('uber_eats', { accountRef: ref, username: ref, password: 'demo-pass' });
    const code = (await sandbox.lastCode('uber_eats', ref)).json<{ code: string }>().code;
    expect((await app.inject({ method: 'GET', url: `/console/uber_eats/${ref}` })).body).toContain(`>${code}</p>`);
  });

  it('switches a store back on, as the merchant does in the provider’s portal', async () => {
    const ref = uniqueRef('console');
    await sandbox.put('deliveroo', ref, { storeStatus: 'inactive' });
    expect((await sandbox.status('deliveroo', ref)).statusCode).not.toBe(200);
    const res = await form(`/console/deliveroo/${ref}`, { storeStatus: 'active' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/console/deliveroo/${ref}`);
    expect((await sandbox.status('deliveroo', ref, PARTNER_AUTH)).statusCode).toBe(200);
  });

  it('ends the integration’s session on request, and the control API can too', async () => {
    const ref = uniqueRef('console');
    await sandbox.put('doordash', ref, {});
    await form(`/console/doordash/${ref}`, { linked: 'false' });
    expect((await sandbox.get('doordash', ref)).json()).toMatchObject({ linked: false });
    expect((await sandbox.status('doordash', ref)).statusCode).not.toBe(200);
    await sandbox.put('doordash', ref, { linked: true });
    expect((await sandbox.status('doordash', ref)).statusCode).toBe(200);
  });

  it('refuses anything its buttons do not send, and unknown accounts', async () => {
    const ref = uniqueRef('console');
    await sandbox.put('glovo', ref, {});
    expect((await form(`/console/glovo/${ref}`, { password: 'hijack' })).statusCode).toBe(400);
    expect((await form(`/console/glovo/${ref}`, { storeStatus: 'not_found' })).statusCode).toBe(400);
    expect((await form('/console/glovo/nobody-here', { storeStatus: 'active' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/console/glovo/nobody-here' })).statusCode).toBe(404);
  });

  it('escapes what it shows', async () => {
    const ref = uniqueRef('console');
    await sandbox.put('rappi', ref, { password: '<script>alert(1)</script>' });
    const page = (await app.inject({ method: 'GET', url: `/console/rappi/${ref}` })).body;
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&#60;script&#62;');
  });
});

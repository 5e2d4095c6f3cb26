// The sandbox's control API and provider endpoints, each provider answering in its own envelope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSandbox } from '../../sandbox/app.js';
import { unwrapError } from '../../connectors/error-envelopes.js';
import { findProvider, ruleFor } from '../../providers/index.js';

const app = buildSandbox({ codeTtlMs: 200 });
afterAll(() => app.close());
const auth = { authorization: 'Bearer sandbox-partner-key' };

const put = (provider: string, ref: string, payload: object) => app.inject({ method: 'PUT', url: `/sandbox/accounts/${provider}/${ref}`, payload });
const login = (provider: string, accountRef: string, username: string, password: string) =>
  app.inject({ method: 'POST', url: `/providers/${provider}/login`, payload: { accountRef, username, password } });
const status = (provider: string, ref: string) => app.inject({ method: 'GET', url: `/providers/${provider}/accounts/${ref}/status`, headers: auth });
const errorOf = (provider: string, body: unknown) => unwrapError(findProvider(provider)!.errorEnvelope, body)?.code;

describe('control API', () => {
  it('creates accounts with defaults and never shows the password', async () => {
    const res = await put('uber_eats', 'acct-1', {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ provider: 'uber_eats', accountRef: 'acct-1', username: 'acct-1', secondFactor: 'none', blocked: false, storeStatus: 'active', nonTraditionalLogin: false, latencyMs: 0, failureMode: 'none', linked: true });
    expect(res.body).not.toContain('correct-horse');
  });

  it('names the invalid field and refuses unknown providers', async () => {
    const bad = await put('uber_eats', 'acct-2', { secondFactor: 'carrier-pigeon' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'secondFactor' });
    expect((await put('pizza_planet', 'x', {})).statusCode).toBe(404);
  });

  it('answers 404 for a code never sent', async () => {
    await put('doordash', 'no-code', {});
    expect((await app.inject({ method: 'GET', url: '/sandbox/accounts/doordash/no-code/last-code' })).statusCode).toBe(404);
  });
});

describe('provider endpoints', () => {
  it.each(['uber_eats', 'doordash', 'grubhub', 'just_eat'])('%s refuses a wrong password with its own code', async (provider) => {
    await put(provider, 'pw', { password: 'right-one' });
    const res = await login(provider, 'pw', 'pw', 'wrong-one');
    expect(res.statusCode).toBe(401);
    expect(errorOf(provider, res.json())).toBe(ruleFor(provider, 'invalid_credentials')!.code);
  });

  it('logs in with the username set through the control API', async () => {
    await put('glovo', 'acct-u', { username: 'chef@example.com' });
    expect((await login('glovo', 'acct-u', 'acct-u', 'correct-horse')).statusCode).toBe(401);
    expect((await login('glovo', 'acct-u', 'chef@example.com', 'correct-horse')).json()).toHaveProperty('token');
  });

  it('sends a code, accepts it once, refuses a wrong one and an expired one', async () => {
    await put('deliveroo', '2fa', { secondFactor: 'sms' });
    const challenge = (await login('deliveroo', '2fa', '2fa', 'correct-horse')).json() as { challengeId: string; channel: string };
    expect(challenge.channel).toBe('sms');
    const sent = (await app.inject({ method: 'GET', url: '/sandbox/accounts/deliveroo/2fa/last-code' })).json() as { code: string; sentAt: string };
    expect(sent.code).toMatch(/^\d{6}$/);
    const verify = (code: string, challengeId = challenge.challengeId) => app.inject({ method: 'POST', url: '/providers/deliveroo/login/verify', payload: { accountRef: '2fa', challengeId, code } });
    expect(errorOf('deliveroo', (await verify('000000' === sent.code ? '111111' : '000000')).json())).toBe('SMS_VERIFICATION_FAILED');
    expect((await verify(sent.code)).json()).toHaveProperty('token');

    const again = (await login('deliveroo', '2fa', '2fa', 'correct-horse')).json() as { challengeId: string };
    const code = ((await app.inject({ method: 'GET', url: '/sandbox/accounts/deliveroo/2fa/last-code' })).json() as { code: string }).code;
    await new Promise((r) => setTimeout(r, 250));
    expect(errorOf('deliveroo', (await verify(code, again.challengeId)).json())).toBe('SMS_VERIFICATION_EXPIRED');
  });

  it.each([
    ['blocked', { blocked: true }, 'third_party_blocked', undefined],
    ['inactive', { storeStatus: 'inactive' }, 'invalid_store_config', 'store_inactive'],
    ['not found', { storeStatus: 'not_found' }, 'invalid_store_config', 'store_not_found'],
    ['non-traditional login', { nonTraditionalLogin: true }, 'invalid_store_config', 'non_traditional_login'],
  ] as const)('reports a %s account on the status check', async (_name, settings, type, cause) => {
    const ref = `st-${type}-${cause ?? 'x'}`;
    await put('uber_eats', ref, settings);
    const res = await status('uber_eats', ref);
    expect(errorOf('uber_eats', res.json())).toBe(ruleFor('uber_eats', type, cause)!.code);
  });

  it('breaks the link when the password changes and wants the partner key', async () => {
    await put('rappi', 'link', {});
    expect((await status('rappi', 'link')).json()).toEqual({ status: 'ok', stores: 'active' });
    await put('rappi', 'link', { password: 'changed-by-owner' });
    expect(errorOf('rappi', (await status('rappi', 'link')).json())).toBe('RP_LOGIN_INVALID');
    expect((await app.inject({ method: 'GET', url: '/providers/rappi/accounts/link/status' })).statusCode).toBe(401);
  });

  it('fails with a 5xx in the provider\'s words in error mode', async () => {
    await put('baemin', 'down', { failureMode: 'error' });
    const res = await status('baemin', 'down');
    expect(res.statusCode).toBe(503);
    expect(errorOf('baemin', res.json())).toBe('BM-SYS-50301');
  });
});

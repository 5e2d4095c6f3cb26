// Every provider answers every condition with its own catalogue rule, in its own envelope.
import { afterAll, describe, expect, it } from 'vitest';
import { buildSandbox } from '../../dev/sandbox/app.js';
import { PROVIDERS, ruleFor, secondFactorErrorType, type ErrorType, type StoreConfigCause } from '../../core/providers/index.js';
import { answer, answerOf, errorCodeOf, sandboxClient, uniqueRef } from './sandbox-fixture.js';

const app = buildSandbox();
afterAll(() => app.close());
const sandbox = sandboxClient(app);
const ids = PROVIDERS.map((p) => p.id);
const rule = (provider: string, type: ErrorType, cause?: StoreConfigCause) => ruleFor(provider, type, cause)!;
const PASSWORD = 'correct-horse';

describe.each(ids)('%s login', (provider) => {
  it('pairs with the right username and password, by reference or by username alone', async () => {
    const ref = uniqueRef('ok');
    await sandbox.put(provider, ref, { username: `${ref}@example.com` });
    expect((await sandbox.login(provider, { accountRef: ref, username: `${ref}@example.com`, password: PASSWORD })).json()).toEqual({ token: expect.stringMatching(/^tok_/) });
    expect((await sandbox.login(provider, { username: `${ref}@example.com`, password: PASSWORD })).json()).toHaveProperty('token');
  });

  it('refuses a wrong password, a wrong username and an unknown user as invalid credentials', async () => {
    const ref = uniqueRef('creds');
    await sandbox.put(provider, ref);
    const expected = answerOf(provider, rule(provider, 'invalid_credentials'));
    expect(answer(await sandbox.login(provider, { accountRef: ref, username: ref, password: 'wrong' }))).toEqual(expected);
    expect(answer(await sandbox.login(provider, { accountRef: ref, username: 'someone-else', password: PASSWORD }))).toEqual(expected);
    expect(answer(await sandbox.login(provider, { username: uniqueRef('ghost'), password: PASSWORD }))).toEqual(expected);
    expect(answer(await sandbox.login(provider, {}))).toEqual(expected);
  });

  it('refuses a blocked account even with the right password', async () => {
    const ref = uniqueRef('blocked');
    await sandbox.put(provider, ref, { blocked: true });
    expect(answer(await sandbox.login(provider, { accountRef: ref, username: ref, password: PASSWORD }))).toEqual(answerOf(provider, rule(provider, 'third_party_blocked')));
  });

  it('fails with its outage error in error mode', async () => {
    const ref = uniqueRef('down');
    await sandbox.put(provider, ref, { failureMode: 'error' });
    const res = await sandbox.login(provider, { accountRef: ref, username: ref, password: PASSWORD });
    expect(res.statusCode).toBeGreaterThanOrEqual(500);
    expect(answer(res)).toEqual(answerOf(provider, rule(provider, 'provider_unavailable')));
  });

  it('asks for a code by the account’s second factor', async () => {
    for (const channel of ['sms', 'totp'] as const) {
      const ref = uniqueRef(channel);
      await sandbox.put(provider, ref, { secondFactor: channel });
      const res = await sandbox.login(provider, { accountRef: ref, username: ref, password: PASSWORD });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ challengeId: expect.stringMatching(/^chl_/), channel });
    }
  });

  const nonTraditional = ruleFor(provider, 'invalid_store_config', 'non_traditional_login');
  it(nonTraditional ? 'refuses a password login on a Google/Apple-only account' : 'ignores non-traditional login, which it does not have', async () => {
    const ref = uniqueRef('sso');
    await sandbox.put(provider, ref, { nonTraditionalLogin: true });
    const res = await sandbox.login(provider, { accountRef: ref, username: ref, password: PASSWORD });
    if (nonTraditional) expect(answer(res)).toEqual(answerOf(provider, nonTraditional));
    else expect(res.json()).toHaveProperty('token');
  });
});

describe.each(ids)('%s status check', (provider) => {
  const check = async (settings: object, change?: object) => {
    const ref = uniqueRef('status');
    await sandbox.put(provider, ref, settings);
    if (change) await sandbox.put(provider, ref, change);
    return answer(await sandbox.status(provider, ref));
  };

  it('says all is well for a healthy account', async () => {
    expect(await check({})).toEqual({ status: 200, body: { status: 'ok', stores: 'active' } });
  });

  it.each([
    ['an inactive store', { storeStatus: 'inactive' }, 'invalid_store_config', 'store_inactive'],
    ['a store it cannot find', { storeStatus: 'not_found' }, 'invalid_store_config', 'store_not_found'],
    ['a blocked integration', { blocked: true }, 'third_party_blocked', undefined],
    ['an outage', { failureMode: 'error' }, 'provider_unavailable', undefined],
  ] as const)('reports %s', async (_name, settings, type, cause) => {
    expect(await check(settings)).toEqual(answerOf(provider, rule(provider, type, cause)));
  });

  it('reports the session broken by a password change as invalid credentials', async () => {
    expect(await check({}, { password: 'changed-by-the-owner' })).toEqual(answerOf(provider, rule(provider, 'invalid_credentials')));
  });

  it('reports the session broken by a new second factor as a request for a code', async () => {
    expect(await check({}, { secondFactor: 'sms' })).toEqual(answerOf(provider, rule(provider, secondFactorErrorType(provider))));
  });

  it('keeps the session when a setting is repeated unchanged', async () => {
    expect(await check({ password: 'same' }, { password: 'same' })).toEqual({ status: 200, body: { status: 'ok', stores: 'active' } });
  });

  it('puts a block before anything else, and a broken session before store problems', async () => {
    expect(await check({ blocked: true, storeStatus: 'inactive' }, { password: 'new' })).toEqual(answerOf(provider, rule(provider, 'third_party_blocked')));
    expect(await check({ storeStatus: 'inactive' }, { password: 'new' })).toEqual(answerOf(provider, rule(provider, 'invalid_credentials')));
  });

  it('reports an account it does not know as a store it cannot find', async () => {
    expect(answer(await sandbox.status(provider, uniqueRef('unknown')))).toEqual(answerOf(provider, rule(provider, 'invalid_store_config', 'store_not_found')));
  });

  it('wants the partner key', async () => {
    const ref = uniqueRef('key');
    await sandbox.put(provider, ref);
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong' }, { authorization: 'sandbox-partner-key' }];
    for (const headers of attempts) {
      const res = await sandbox.status(provider, ref, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: 'invalid_partner_key' });
    }
  });

  it('is healthy again after a new login', async () => {
    const ref = uniqueRef('relink');
    await sandbox.put(provider, ref);
    await sandbox.put(provider, ref, { password: 'rotated' });
    expect(errorCodeOf(provider, await sandbox.status(provider, ref))).toBe(rule(provider, 'invalid_credentials').code);
    await sandbox.login(provider, { accountRef: ref, username: ref, password: 'rotated' });
    expect((await sandbox.status(provider, ref)).json()).toEqual({ status: 'ok', stores: 'active' });
  });
});

describe('non-traditional login on the status check', () => {
  it('is reported by Uber Eats and means nothing to Deliveroo', async () => {
    const ref = uniqueRef('sso');
    await sandbox.put('uber_eats', ref, { nonTraditionalLogin: true });
    await sandbox.put('deliveroo', ref, { nonTraditionalLogin: true });
    expect(errorCodeOf('uber_eats', await sandbox.status('uber_eats', ref))).toBe('ACCOUNT.NON_TRADITIONAL_LOGIN');
    expect((await sandbox.status('deliveroo', ref)).json()).toEqual({ status: 'ok', stores: 'active' });
  });
});

describe('error envelopes, one provider per style', () => {
  it.each([
    ['nested', 'uber_eats', { error: { code: 'STORE.INACTIVE', message: 'Store is paused or deactivated in Uber Eats Manager.' } }],
    ['flat', 'doordash', { errorCode: 'store_deactivated', errorMessage: 'The store is deactivated. Contact DoorDash merchant support to reactivate.' }],
    ['list', 'deliveroo', { errors: [{ code: 'RESTAURANT_INACTIVE', detail: 'Restaurant is inactive on Deliveroo.' }] }],
    ['status', 'just_eat', { status: 'FAIL', result: { code: 'JE.Restaurant.Offline', msg: 'Restaurant is offline: contact your account manager.' } }],
    ['result', 'coupang_eats', { success: false, resultCode: 'E2001', resultMessage: 'Store suspended (영업 정지 상태입니다).' }],
  ])('%s: %s', async (_style, provider, body) => {
    const ref = uniqueRef('envelope');
    await sandbox.put(provider, ref, { storeStatus: 'inactive' });
    const res = await sandbox.status(provider, ref);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual(body);
  });
});

describe('unknown providers', () => {
  it('answer 404 on every provider endpoint', async () => {
    for (const res of [
      await sandbox.login('pizza_planet', { username: 'a', password: 'b' }),
      await sandbox.verify('pizza_planet', { challengeId: 'c', code: '1' }),
      await sandbox.status('pizza_planet', 'a'),
    ]) expect(res.statusCode).toBe(404);
  });
});

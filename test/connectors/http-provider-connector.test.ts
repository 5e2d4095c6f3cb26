// Connectors against a real sandbox over HTTP: every pairing step, for a provider of each envelope
// style, and raw codes that classify back to what the sandbox meant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnector, type PairingStep } from '../../activities/connectors/index.js';
import { classifyError, codeRejection, PROVIDERS, secondFactorErrorType } from '../../core/providers/index.js';
import { startSandbox, uniqueRef, type RunningSandbox } from './sandbox-server.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox?.close());

const connector = (provider: string) => createConnector(provider, { baseUrl: sandbox.baseUrl, partnerKey: 'sandbox-partner-key', timeoutMs: 3000 });
const PASSWORD = 'correct-horse';

function classified(provider: string, step: PairingStep) {
  if (step.kind !== 'rejected' && step.kind !== 'unavailable') throw new Error(`expected a refusal, got ${JSON.stringify(step)}`);
  return classifyError(provider, { errorCode: step.code, errorMessage: step.message });
}

// One provider per envelope style: nested, flat, list, status, result.
const STYLES = ['uber_eats', 'doordash', 'deliveroo', 'just_eat', 'coupang_eats'];

it('covers every envelope style of the catalogue', () => {
  expect(new Set(STYLES.map((id) => PROVIDERS.find((p) => p.id === id)!.errorEnvelope)).size).toBe(5);
});

describe.each(STYLES)('%s connector', (provider) => {
  const c = () => connector(provider);

  it('pairs with the right password, and the status check agrees', async () => {
    const ref = uniqueRef('paired');
    await sandbox.account(provider, ref);
    expect(await c().login({ accountRef: ref, username: ref, password: PASSWORD })).toEqual({ kind: 'paired' });
    expect(await c().checkConnection({ accountRef: ref })).toEqual({ kind: 'paired' });
  });

  it('asks for a code, then pairs with the code the merchant received', async () => {
    const ref = uniqueRef('code');
    await sandbox.account(provider, ref, { secondFactor: 'sms' });
    const step = await c().login({ accountRef: ref, username: ref, password: PASSWORD });
    expect(step).toEqual({ kind: 'verification_required', challengeId: expect.any(String), channel: 'sms' });
    const { challengeId } = step as { challengeId: string };
    expect(await c().verify({ accountRef: ref, challengeId, code: await sandbox.lastCode(provider, ref) })).toEqual({ kind: 'paired' });
  });

  it('reports a wrong code and an expired challenge so they can be told apart', async () => {
    const ref = uniqueRef('wrong-code');
    await sandbox.account(provider, ref, { secondFactor: 'totp' });
    const { challengeId } = (await c().login({ accountRef: ref, username: ref, password: PASSWORD })) as { challengeId: string };
    const code = await sandbox.lastCode(provider, ref);
    const wrong = await c().verify({ accountRef: ref, challengeId, code: code === '000000' ? '999999' : '000000' });
    expect(wrong.kind).toBe('rejected');
    expect(codeRejection(provider, (wrong as { code: string }).code)).toBe('invalid_code');
    expect(classified(provider, wrong).errorType).toBe(secondFactorErrorType(provider));
    const stale = await c().verify({ accountRef: ref, challengeId: 'chl_gone', code });
    expect(codeRejection(provider, (stale as { code: string }).code)).toBe('code_expired');
  });

  it.each([
    ['a wrong password', {}, 'login', 'invalid_credentials', null],
    ['a blocked integration', { blocked: true }, 'login', 'third_party_blocked', null],
    ['a password changed at the provider', { password: 'rotated-by-owner' }, 'check', 'invalid_credentials', null],
    ['a second factor turned on at the provider', { secondFactor: 'sms' }, 'check', 'second_factor', null],
    ['an inactive store', { storeStatus: 'inactive' }, 'check', 'invalid_store_config', 'store_inactive'],
    ['a store the provider cannot find', { storeStatus: 'not_found' }, 'check', 'invalid_store_config', 'store_not_found'],
  ] as const)('rejects %s with a code that classifies back to it', async (_name, settings, call, type, cause) => {
    const ref = uniqueRef('rejected');
    await sandbox.account(provider, ref);
    await sandbox.account(provider, ref, settings);
    const step = call === 'login' ? await c().login({ accountRef: ref, username: ref, password: 'not-the-password' }) : await c().checkConnection({ accountRef: ref });
    expect(step.kind).toBe('rejected');
    expect(classified(provider, step)).toMatchObject({ errorType: type === 'second_factor' ? secondFactorErrorType(provider) : type, cause });
  });

  it('turns an outage into unavailable, classified as provider_unavailable', async () => {
    const ref = uniqueRef('down');
    await sandbox.account(provider, ref, { failureMode: 'error' });
    const step = await c().checkConnection({ accountRef: ref });
    expect(step.kind).toBe('unavailable');
    expect(classified(provider, step)).toMatchObject({ errorType: 'provider_unavailable', resolution: 'retry' });
  });
});

describe.each(PROVIDERS.map((p) => p.id))('%s round trip', (provider) => {
  it('reads its own envelope for every condition the sandbox can produce', async () => {
    const c = connector(provider);
    const cases: [object, 'login' | 'check', string][] = [
      [{ blocked: true }, 'check', 'third_party_blocked'],
      [{ storeStatus: 'inactive' }, 'check', 'invalid_store_config'],
      [{ failureMode: 'error' }, 'login', 'provider_unavailable'],
      [{}, 'login', 'invalid_credentials'],
    ];
    for (const [settings, call, type] of cases) {
      const ref = uniqueRef('round');
      await sandbox.account(provider, ref, settings);
      const step = call === 'login' ? await c.login({ accountRef: ref, username: ref, password: 'nope' }) : await c.checkConnection({ accountRef: ref });
      expect(classified(provider, step).errorType, JSON.stringify(settings)).toBe(type);
    }
  });
});

describe('Uber Eats non-traditional login', () => {
  it('is rejected on login and on the status check with the merchant-portal cause', async () => {
    const ref = uniqueRef('sso');
    await sandbox.account('uber_eats', ref, { nonTraditionalLogin: true });
    for (const step of [await connector('uber_eats').login({ accountRef: ref, username: ref, password: PASSWORD }), await connector('uber_eats').checkConnection({ accountRef: ref })]) {
      expect(classified('uber_eats', step)).toMatchObject({ errorType: 'invalid_store_config', cause: 'non_traditional_login', resolution: 'merchant_portal' });
    }
  });
});

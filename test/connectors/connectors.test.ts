// Connectors against a real sandbox over HTTP: each pairing step, for providers of every envelope style.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnector } from '../../connectors/index.js';
import { buildSandbox } from '../../sandbox/app.js';
import { classifyError } from '../../providers/index.js';

const sandbox = buildSandbox();
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await sandbox.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => sandbox.close());

const connector = (provider: string, timeoutMs = 2000) => createConnector(provider, { baseUrl, partnerKey: 'sandbox-partner-key', timeoutMs });
const account = (provider: string, ref: string, body: object) =>
  fetch(`${baseUrl}/sandbox/accounts/${provider}/${ref}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe.each(['uber_eats', 'doordash', 'grubhub', 'just_eat'])('%s connector', (provider) => {
  it('pairs, asks for a code, and reports refusals that classify back to their type', async () => {
    const c = connector(provider);
    await account(provider, 'plain', {});
    expect(await c.login({ accountRef: 'plain', username: 'plain', password: 'correct-horse' })).toEqual({ kind: 'paired' });
    expect(await c.checkConnection({ accountRef: 'plain' })).toEqual({ kind: 'paired' });

    const wrong = await c.login({ accountRef: 'plain', username: 'plain', password: 'nope' });
    expect(wrong.kind).toBe('rejected');
    expect(classifyError(provider, { errorCode: (wrong as { code: string }).code }).errorType).toBe('invalid_credentials');

    await account(provider, 'otp', { secondFactor: 'sms' });
    const step = await c.login({ accountRef: 'otp', username: 'otp', password: 'correct-horse' });
    expect(step.kind).toBe('verification_required');
    const code = ((await (await fetch(`${baseUrl}/sandbox/accounts/${provider}/otp/last-code`)).json()) as { code: string }).code;
    expect(await c.verify({ accountRef: 'otp', challengeId: (step as { challengeId: string }).challengeId, code })).toEqual({ kind: 'paired' });

    await account(provider, 'inactive', { storeStatus: 'inactive' });
    const check = await c.checkConnection({ accountRef: 'inactive' });
    expect(check.kind).toBe('rejected');
    expect(classifyError(provider, { errorCode: (check as { code: string }).code })).toMatchObject({ errorType: 'invalid_store_config', cause: 'store_inactive' });
  });
});

describe('when the provider misbehaves', () => {
  it('turns 5xx into unavailable', async () => {
    await account('glovo', 'err', { failureMode: 'error' });
    expect(await connector('glovo').checkConnection({ accountRef: 'err' })).toMatchObject({ kind: 'unavailable', code: 'glovo_unavailable' });
  });

  it('gives up quickly on a provider that does not answer, without echoing the password', async () => {
    await account('jahez', 'slow', { failureMode: 'timeout' });
    const step = await connector('jahez', 300).login({ accountRef: 'slow', username: 'slow', password: 'hunter2-secret' });
    expect(step).toMatchObject({ kind: 'unavailable', code: 'timeout' });
    expect(JSON.stringify(step)).not.toContain('hunter2-secret');
  });

  it('answers unavailable when nothing listens', async () => {
    const gone = createConnector('doordash', { baseUrl: 'http://127.0.0.1:1', partnerKey: 'k', timeoutMs: 500 });
    expect(await gone.checkConnection({ accountRef: 'x' })).toMatchObject({ kind: 'unavailable', code: 'network_error' });
  });

  it('refuses every call for a provider outside the catalogue', async () => {
    expect(await connector('corner_shop').login({ accountRef: 'a', username: 'a', password: 'b' })).toMatchObject({ kind: 'rejected', code: 'UNSUPPORTED_PROVIDER' });
  });
});

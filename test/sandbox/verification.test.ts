// Verification codes: sent as six digits, read through last-code, accepted once, refused when wrong,
// expired, replaced or tried too often. Time is moved with a Date.now stub, never waited for.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildSandbox } from '../../dev/sandbox/app.js';
import { codeRejectionRule, PROVIDERS } from '../../core/providers/index.js';
import { answer, answerOf, sandboxClient, uniqueRef } from './sandbox-fixture.js';

const TTL = 60_000;
const app = buildSandbox({ codeTtlMs: TTL, maxCodeAttempts: 3 });
afterAll(() => app.close());
afterEach(() => vi.restoreAllMocks());
const sandbox = sandboxClient(app);

async function challenged(provider: string, secondFactor: 'sms' | 'totp' = 'sms') {
  const ref = uniqueRef('code');
  await sandbox.put(provider, ref, { secondFactor });
  const { challengeId } = (await sandbox.login(provider, { accountRef: ref, username: ref, password: 'correct-horse' })).json() as { challengeId: string };
  const sent = (await sandbox.lastCode(provider, ref)).json() as { code: string; sentAt: string };
  return { ref, challengeId, sent, wrong: sent.code === '000000' ? '000001' : '000000' };
}

const later = (ms: number) => {
  const now = Date.now();
  vi.spyOn(Date, 'now').mockReturnValue(now + ms);
};

describe('a sent code', () => {
  it('is six digits, with the time it was sent', async () => {
    const before = Date.now();
    const { sent } = await challenged('deliveroo');
    expect(Object.keys(sent).sort()).toEqual(['code', 'sentAt']);
    expect(sent.code).toMatch(/^\d{6}$/);
    expect(Date.parse(sent.sentAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('pairs the account once verified, and the status check is healthy again', async () => {
    const ref = uniqueRef('relink');
    await sandbox.put('rappi', ref);
    await sandbox.put('rappi', ref, { secondFactor: 'totp' });
    expect((await sandbox.get('rappi', ref)).json()).toMatchObject({ linked: false });
    const { challengeId } = (await sandbox.login('rappi', { accountRef: ref, username: ref, password: 'correct-horse' })).json() as { challengeId: string };
    const { code } = (await sandbox.lastCode('rappi', ref)).json() as { code: string };
    expect((await sandbox.verify('rappi', { accountRef: ref, challengeId, code })).json()).toEqual({ token: expect.stringMatching(/^tok_/) });
    expect((await sandbox.get('rappi', ref)).json()).toMatchObject({ linked: true });
    expect((await sandbox.status('rappi', ref)).json()).toEqual({ status: 'ok', stores: 'active' });
  });

  it('is found by its challenge alone', async () => {
    const { challengeId, sent } = await challenged('glovo');
    expect((await sandbox.verify('glovo', { challengeId, code: sent.code })).json()).toHaveProperty('token');
  });

  it('changes with every login', async () => {
    const first = await challenged('yogiyo');
    await sandbox.login('yogiyo', { accountRef: first.ref, username: first.ref, password: 'correct-horse' });
    const second = (await sandbox.lastCode('yogiyo', first.ref)).json() as { sentAt: string };
    expect(Date.parse(second.sentAt)).toBeGreaterThanOrEqual(Date.parse(first.sent.sentAt));
  });
});

describe.each(PROVIDERS.map((p) => p.id))('%s refuses', (provider) => {
  const invalid = () => answerOf(provider, codeRejectionRule(provider, 'invalid_code')!);
  const expired = () => answerOf(provider, codeRejectionRule(provider, 'code_expired')!);

  it('a wrong code as invalid, and still takes the right one after', async () => {
    const { ref, challengeId, sent, wrong } = await challenged(provider);
    expect(answer(await sandbox.verify(provider, { accountRef: ref, challengeId, code: wrong }))).toEqual(invalid());
    expect((await sandbox.verify(provider, { accountRef: ref, challengeId, code: sent.code })).json()).toHaveProperty('token');
  });

  it('an expired code as expired', async () => {
    const { ref, challengeId, sent } = await challenged(provider);
    later(TTL + 1);
    expect(answer(await sandbox.verify(provider, { accountRef: ref, challengeId, code: sent.code }))).toEqual(expired());
  });

  it('a code used once already, or for a challenge it never opened, as expired', async () => {
    const { ref, challengeId, sent } = await challenged(provider);
    await sandbox.verify(provider, { accountRef: ref, challengeId, code: sent.code });
    expect(answer(await sandbox.verify(provider, { accountRef: ref, challengeId, code: sent.code }))).toEqual(expired());
    expect(answer(await sandbox.verify(provider, { challengeId: 'chl_made_up', code: '123456' }))).toEqual(expired());
  });
});

describe('a challenge', () => {
  it('is still valid just before its time is up', async () => {
    const { challengeId, sent } = await challenged('baemin');
    later(TTL - 1000);
    expect((await sandbox.verify('baemin', { challengeId, code: sent.code })).json()).toHaveProperty('token');
  });

  it('is replaced by a newer login', async () => {
    const first = await challenged('doordash');
    const { challengeId } = (await sandbox.login('doordash', { accountRef: first.ref, username: first.ref, password: 'correct-horse' })).json() as { challengeId: string };
    const { code } = (await sandbox.lastCode('doordash', first.ref)).json() as { code: string };
    expect(answer(await sandbox.verify('doordash', { challengeId: first.challengeId, code: first.sent.code }))).toEqual(answerOf('doordash', codeRejectionRule('doordash', 'code_expired')!));
    expect((await sandbox.verify('doordash', { challengeId, code })).json()).toHaveProperty('token');
  });

  it('is void after too many wrong codes', async () => {
    const { challengeId, sent, wrong } = await challenged('foodpanda_web');
    for (let i = 0; i < 3; i++) expect((await sandbox.verify('foodpanda_web', { challengeId, code: wrong })).json().errors[0].code).toBe('FP_MFA_INVALID');
    expect((await sandbox.verify('foodpanda_web', { challengeId, code: sent.code })).json().errors[0].code).toBe('FP_MFA_EXPIRED');
  });

  it('belongs to one provider', async () => {
    const { challengeId, sent } = await challenged('jahez');
    expect((await sandbox.verify('just_eat', { challengeId, code: sent.code })).json()).toMatchObject({ result: { code: 'JE.Login.EmailCodeExpired' } });
  });

  it('expires after five minutes by default', async () => {
    const defaults = buildSandbox();
    const client = sandboxClient(defaults);
    await client.put('skipthedishes', 'ttl', { secondFactor: 'sms' });
    const { challengeId } = (await client.login('skipthedishes', { accountRef: 'ttl', username: 'ttl', password: 'correct-horse' })).json() as { challengeId: string };
    const { code } = (await client.lastCode('skipthedishes', 'ttl')).json() as { code: string };
    later(5 * 60_000 + 1);
    expect((await client.verify('skipthedishes', { challengeId, code })).json()).toMatchObject({ error: { code: 'SKIP_AUTH_012' } });
    await defaults.close();
  });
});

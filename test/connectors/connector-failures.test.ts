// What pairing sees when providers are slow, gone, odd, or outside the catalogue; and that no
// secret ever leaves a connector.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorFor, createConnector, HttpProviderConnector, UNSUPPORTED_PROVIDER } from '../../activities/connectors/index.js';
import { classifyError } from '../../core/providers/index.js';
import { startSandbox, uniqueRef, type RunningSandbox } from './sandbox-server.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox?.close());

const settings = (timeoutMs: number) => ({ baseUrl: sandbox.baseUrl, partnerKey: 'sandbox-partner-key', timeoutMs });

describe('a provider that does not answer in time', () => {
  it.each([
    ['is slow', { latencyMs: 5000 }],
    ['never answers', { failureMode: 'timeout' }],
  ])('gives up quickly when it %s', async (_name, account) => {
    const ref = uniqueRef('slow');
    await sandbox.account('jahez', ref, account);
    const c = createConnector('jahez', settings(200));
    for (const call of [() => c.login({ accountRef: ref, username: ref, password: 'correct-horse' }), () => c.checkConnection({ accountRef: ref })]) {
      const step = await call();
      expect(step).toMatchObject({ kind: 'unavailable', code: 'timeout' });
    }
  });
});

describe('a provider that cannot be reached', () => {
  it('answers unavailable when nothing listens', async () => {
    const gone = createConnector('doordash', { baseUrl: 'http://127.0.0.1:1', partnerKey: 'k', timeoutMs: 1000 });
    expect(await gone.checkConnection({ accountRef: 'x' })).toMatchObject({ kind: 'unavailable', code: 'network_error' });
  });

  it('answers unavailable for an address that is not a URL, without throwing', async () => {
    const broken = createConnector('doordash', { baseUrl: 'not a url', partnerKey: 'k', timeoutMs: 1000 });
    expect(await broken.login({ accountRef: 'x', username: 'x', password: 'y' })).toMatchObject({ kind: 'unavailable', code: 'network_error' });
  });
});

describe('odd answers', () => {
  let odd: FastifyInstance;
  let oddUrl = '';
  beforeAll(async () => {
    odd = Fastify();
    odd.post('/providers/glovo/login', async (_req, reply) => reply.code(200).send({ welcome: true }));
    odd.post('/providers/glovo/login/verify', async (_req, reply) => reply.code(500).type('text/html').send('<h1>Internal error</h1>'));
    odd.get('/providers/glovo/accounts/:ref/status', async (_req, reply) => reply.code(418).send({ message: 'no envelope here' }));
    odd.get('/providers/rappi/accounts/:ref/status', async (_req, reply) => reply.code(429).send({ error: { code: 'RP_RATE_LIMITED', message: 'Demasiadas solicitudes' } }));
    oddUrl = await odd.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => odd?.close());

  const against = (provider: string) => createConnector(provider, { baseUrl: `${oddUrl}/`, partnerKey: 'k', timeoutMs: 2000 });

  it('never takes an unreadable success for a pairing', async () => {
    expect(await against('glovo').login({ accountRef: 'a', username: 'a', password: 'b' })).toMatchObject({ kind: 'unavailable', code: 'bad_response' });
  });

  it('keeps a 5xx without an envelope retryable', async () => {
    expect(await against('glovo').verify({ accountRef: 'a', challengeId: 'c', code: '123456' })).toMatchObject({ kind: 'unavailable', code: 'http_500' });
  });

  it('names the HTTP status of a refusal it cannot read (support takes it)', async () => {
    const step = await against('glovo').checkConnection({ accountRef: 'a' });
    expect(step).toMatchObject({ kind: 'rejected', code: 'http_418' });
    expect(classifyError('glovo', { errorCode: (step as { code: string }).code }).resolution).toBe('support');
  });

  it('treats rate limiting as a retryable outage, keeping the provider’s code', async () => {
    expect(await against('rappi').checkConnection({ accountRef: 'a' })).toEqual({ kind: 'unavailable', code: 'RP_RATE_LIMITED', message: 'Demasiadas solicitudes' });
  });
});

describe('secrets', () => {
  it('never appear in a step, whatever happens', async () => {
    const ref = uniqueRef('secret');
    await sandbox.account('baemin', ref, { password: 'correct-horse', secondFactor: 'sms' });
    const c = createConnector('baemin', settings(2000));
    const steps = [
      await c.login({ accountRef: ref, username: ref, password: 'hunter2-wrong-secret' }),
      await createConnector('baemin', settings(1)).login({ accountRef: ref, username: ref, password: 'hunter2-wrong-secret' }),
      await createConnector('baemin', { ...settings(500), baseUrl: 'http://127.0.0.1:1' }).login({ accountRef: ref, username: ref, password: 'hunter2-wrong-secret' }),
    ];
    const { challengeId } = (await c.login({ accountRef: ref, username: ref, password: 'correct-horse' })) as { challengeId: string };
    steps.push(await c.verify({ accountRef: ref, challengeId, code: '13579x' }));
    for (const step of steps) {
      expect(JSON.stringify(step)).not.toContain('hunter2');
      expect(JSON.stringify(step)).not.toContain('13579x');
    }
  });

  it('sends the partner key: a wrong one is refused', async () => {
    const ref = uniqueRef('key');
    await sandbox.account('grubhub', ref);
    const step = await createConnector('grubhub', { ...settings(2000), partnerKey: 'stolen' }).checkConnection({ accountRef: ref });
    expect(step).toMatchObject({ kind: 'rejected', code: 'http_401' });
  });
});

describe('choosing a connector', () => {
  it('refuses every call for a provider outside the catalogue', async () => {
    const c = createConnector('corner_shop', settings(1000));
    for (const step of [await c.login({ accountRef: 'a', username: 'a', password: 'b' }), await c.verify({ accountRef: 'a', challengeId: 'c', code: '1' }), await c.checkConnection({ accountRef: 'a' })]) {
      expect(step).toMatchObject({ kind: 'rejected', code: UNSUPPORTED_PROVIDER });
      expect(classifyError('corner_shop', { errorCode: (step as { code: string }).code }).resolution).toBe('support');
    }
  });

  it('makes one connector per provider and reuses it', () => {
    const lookup = connectorFor(settings(1000));
    expect(lookup('rappi')).toBe(lookup('rappi'));
    expect(lookup('rappi')).toBeInstanceOf(HttpProviderConnector);
    expect(lookup('rappi').providerId).toBe('rappi');
    expect(lookup('glovo')).not.toBe(lookup('rappi'));
  });
});

// The help routes on a small Fastify of their own: the problem handler, the routes, and an entity
// manager that knows one repair (the full app registers them once they are wired).
import Fastify, { type FastifyInstance } from 'fastify';
import { registerFormats } from '../../api/schemas/formats.js';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemPlugin } from '../../api/plugins/problem.plugin.js';
import { helpRoutes } from '../../api/routes/v1/help/help.routes.js';

const KNOWN_REPAIR = { id: 'rep_known1', provider: 'deliveroo', errorType: 'invalid_store_config', cause: 'store_inactive' };

let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify({ ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true }, plugins: [registerFormats] } }).withTypeProvider<TypeBoxTypeProvider>();
  const em = { findOne: async (_entity: unknown, where: { id: string }) => (where.id === KNOWN_REPAIR.id ? KNOWN_REPAIR : null) };
  app.decorateRequest('em', null as unknown as EntityManager);
  app.addHook('onRequest', async (request) => {
    request.em = em as unknown as EntityManager;
  });
  await app.register(problemPlugin);
  await app.register(helpRoutes);
  await app.ready();
});

afterAll(async () => {
  await app?.close();
});

describe('GET /v1/help/articles', () => {
  it('searches with snippets when q is given', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/help/articles', query: { q: 'contrasena', locale: 'es', provider: 'glovo' } });
    expect(res.statusCode).toBe(200);
    const [first] = res.json().items;
    expect(first).toMatchObject({ slug: 'glovo-invalid-credentials', locale: 'es', provider: 'glovo', url: '/help/articles/glovo-invalid-credentials?locale=es' });
    expect(first.snippet).toEqual(expect.any(String));
  });

  it('lists articles with filters when q is absent', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/help/articles', query: { locale: 'fr', errorType: 'mfa_required' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((a: { slug: string }) => a.slug).sort()).toEqual(['doordash-mfa', 'foodpanda-web-mfa']);
  });

  it('rejects an unknown locale as a problem naming the field', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/help/articles', query: { locale: 'de' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.json())).toContain('locale');
  });
});

describe('GET /v1/help/articles/:slug', () => {
  it('answers the article in the locale asked for', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/help/articles/deliveroo-store-inactive?locale=pt' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ slug: 'deliveroo-store-inactive', locale: 'pt', cause: 'store_inactive' });
    expect(res.json().steps.length).toBeGreaterThan(2);
  });

  it('answers 404 as a problem for an unknown slug', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/help/articles/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, type: expect.stringContaining('not-found') });
  });
});

// POST /v1/help/ask needs the database (conversations, the organization's repairs): test/help/assistant-conversation-api.test.ts.

// Property: whatever a caller sends, every route answers a 4xx problem+json naming what is wrong —
// never a 5xx, never a crash.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api?.close());

const ROUTES: { method: 'POST' | 'PUT' | 'GET'; url: string }[] = [
  { method: 'POST', url: '/v1/orgs' },
  { method: 'POST', url: '/v1/orgs/org_x1/users' },
  { method: 'POST', url: '/v1/orgs/org_x1/stores' },
  { method: 'POST', url: '/v1/connections' },
  { method: 'POST', url: '/v1/disconnections' },
  { method: 'POST', url: '/v1/repairs/rep_x1/credentials' },
  { method: 'POST', url: '/v1/repairs/rep_x1/verification-code' },
  { method: 'POST', url: '/v1/repairs/rep_x1/support' },
  { method: 'PUT', url: '/v1/orgs/org_x1/contacts' },
  { method: 'POST', url: '/v1/webhooks' },
  { method: 'POST', url: '/v1/tickets' },
];

const jsonish = fc.oneof(
  fc.json(),
  fc.string(),
  fc.constantFrom('{', '{"a":', 'null', '[]', '"x"', '{"orgId":{"$gt":""}}', '{"__proto__":{"admin":true}}'),
);

describe('malformed input', () => {
  it('answers every generated body with a 4xx problem+json', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), jsonish, async (route, body) => {
        const res = await api.app.inject({ method: route.method, url: route.url, payload: body, headers: { ...auth(), 'content-type': 'application/json' } });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }),
      { numRuns: 300 },
    );
  });

  it('answers generated ids and query strings with a 4xx problem+json', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), async (id, query) => {
        const safe = encodeURIComponent(id) || 'x';
        for (const url of [`/v1/repairs/${safe}`, `/v1/orgs/${safe}`, `/v1/connections?orgId=${encodeURIComponent(query)}`, `/v1/tickets/${safe}`]) {
          const res = await api.app.inject({ method: 'GET', url, headers: auth() });
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('refuses bad or missing keys with 401 whatever the header looks like', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }).filter((s) => !/[\r\n\0]/.test(s)), async (header) => {
        const res = await api.app.inject({ method: 'GET', url: '/v1/orgs', headers: { authorization: header } });
        expect(res.statusCode).toBe(401);
      }),
      { numRuns: 150 },
    );
  });
});

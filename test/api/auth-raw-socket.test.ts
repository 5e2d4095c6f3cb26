// Authentication follows the route that runs: raw HTTP over a socket (the request line written by
// hand) to a listening server, with every trick a request target allows, on every route the app has.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../api/plugins/auth.plugin.js';
import { auth, createTestApi, TEST_AGENT_KEY, type TestApi } from '../helpers/api.js';

let api: TestApi;
let port: number;
const marker = `Leaky Bistro ${Math.random().toString(36).slice(2, 10)}`;
const email = `owner-${Math.random().toString(36).slice(2, 10)}@leaky.example`;
const params: Record<string, string> = {};

beforeAll(async () => {
  api = await createTestApi();
  const org = (await api.app.inject({ method: 'POST', url: '/v1/orgs', headers: auth(), payload: { name: marker, locale: 'en', timezone: 'Europe/London', environment: 'production' } })).json() as { id: string };
  const user = (await api.app.inject({ method: 'POST', url: `/v1/orgs/${org.id}/users`, headers: auth(), payload: { email, permissions: ['integrations:view', 'integrations:reconnect', 'support:chat'] } })).json() as { id: string };
  Object.assign(params, { orgId: org.id, userId: user.id });
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  port = (api.app.server.address() as net.AddressInfo).port;
});
afterAll(async () => api?.close());

/** One request written byte by byte: the request line carries exactly the target we chose. */
function raw(method: string, target: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const body = ['GET', 'HEAD'].includes(method) ? '' : '{}';
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', 'Accept: application/json', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  if (body) lines.push('Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`);
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`));
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
  });
}

/** The route's path with its parameters filled (real ids where we have them, so a leak would show data). */
const fill = (url: string) => url.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? `${name.slice(0, 3).toLowerCase()}_x00000000000`).replace(/\*$/, 'x');

const pct = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
const PCT = (c: string) => pct(c).toUpperCase();
const segments = (path: string, f: (segment: string) => string) => path.split('/').map((s, i) => (i === 0 ? s : f(s))).join('/');

/** Request targets that name the same route to a lenient reader, and strings a prefix test gets wrong. */
const variants = (path: string): [string, string][] => [
  ['as registered', path],
  ['first letter of each segment percent-encoded', segments(path, (s) => (s ? pct(s[0]!) + s.slice(1) : s))],
  ['first letter upper-case hex', segments(path, (s) => (s ? PCT(s[0]!) + s.slice(1) : s))],
  ['every character percent-encoded', segments(path, (s) => [...s].map(pct).join(''))],
  ['double-encoded', segments(path, (s) => (s ? `%25${pct(s[0]!).slice(1)}${s.slice(1)}` : s))],
  ['upper case', path.toUpperCase()],
  ['mixed case', segments(path, (s) => (s ? s[0]!.toUpperCase() + s.slice(1) : s))],
  ['dot segment before', `/x/..${path}`],
  ['dot segment inside', path.replace(/^\/([^/]+)/, '/$1/.')],
  ['up and back', path.replace(/^\/([^/]+)/, '/$1/../$1')],
  ['double slash', `/${path}`],
  ['trailing slash', `${path}/`],
  ['encoded slash', path.replace(/(.)\/([^/]*)$/, '$1%2F$2')],
  ['semicolon parameter', `${path};x=1`],
  ['absolute form', `http://any-host${path}`],
  ['absolute form, upper-case scheme and host', `HTTP://ANY-HOST${path}`],
  ['absolute form, https and a port', `https://127.0.0.1:443${path}`],
  ['absolute form with an encoded path', `http://any-host${segments(path, (s) => (s ? pct(s[0]!) + s.slice(1) : s))}`],
];

const leaks = (text: string) => text.includes(marker) || text.includes(email);

describe('every protected route, every request-target trick, no API key', () => {
  it('covers the route families (the table comes from the app itself)', () => {
    const urls = routeTable(api.app.server).map((r) => r.url);
    for (const family of ['/v1/orgs', '/v1/orgs/:orgId/users/:userId/sign-in-links', '/v1/repairs/:repairId/credentials', '/v1/connections', '/v1/orgs/:orgId/contacts', '/v1/tickets', '/v1/webhooks', '/v1/help/ask', '/v1/providers', '/v1/disconnections']) {
      expect(urls).toContain(family);
    }
  });

  it('answers 401 or 404 and never data', async () => {
    const protectedRoutes = routeTable(api.app.server).filter((r) => r.access === null || !('public' in r.access));
    expect(protectedRoutes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const route of protectedRoutes) {
      for (const [how, target] of variants(fill(route.url))) {
        for (const headers of [{}, { Authorization: 'Bearer not-a-key-000000' }] as Record<string, string>[]) {
          const res = await raw(route.method, target, headers);
          if (![401, 404].includes(res.status) || leaks(res.text)) failures.push(`${route.method} ${route.url} (${how}: ${target}) → ${res.status}${leaks(res.text) ? ' with data' : ''}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  // A target that lands on another path the agent may use (an encoded slash turns `…/x%2Fusers` into
  // one `:orgId`) may answer 405 with that path's methods: still no data, and no service-only work done.
  it('an agent key gets 403, 404 or a data-free 405 on every service-only route, whatever the target looks like', async () => {
    const serviceOnly = routeTable(api.app.server).filter((r) => r.access !== null && 'roles' in r.access && !r.access.roles.includes('agent'));
    expect(serviceOnly.map((r) => r.url)).toContain('/v1/orgs/:orgId/users/:userId/sign-in-links');
    const failures: string[] = [];
    for (const route of serviceOnly) {
      for (const [how, target] of variants(fill(route.url))) {
        const res = await raw(route.method, target, { Authorization: `Bearer ${TEST_AGENT_KEY}` });
        if (![403, 404, 405].includes(res.status) || leaks(res.text)) failures.push(`${route.method} ${route.url} (${how}: ${target}) → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('still serves the same routes to a caller with a key (the variants reach real routes)', async () => {
    const res = await raw('GET', `http://any-host/v1/orgs/${params.orgId}`, { Authorization: `Bearer ${TEST_AGENT_KEY}` });
    expect(res.status).toBe(200);
    expect(res.text).toContain(marker);
  });
});

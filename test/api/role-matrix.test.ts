// The role matrix of docs/roles.md, held over every registered route: each route declares who may
// call it, the public ones are exactly the expected short list, and each role gets what the table says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../api/plugins/auth.plugin.js';
import { auth, createTestApi, TEST_AGENT_KEY, type TestApi } from '../helpers/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api?.close());

type Roles = readonly ('service' | 'agent')[];
const SERVICE: Roles = ['service'];
const SUPPORT: Roles = ['service', 'agent'];

/** docs/roles.md, as a table: every API route and the API-key roles that may call it. */
const MATRIX: Record<string, Roles> = {
  'POST /v1/orgs': SERVICE,
  'GET /v1/orgs': SUPPORT,
  'GET /v1/orgs/:orgId': SUPPORT,
  ...Object.fromEntries(
    ['users', 'locations', 'brands', 'stores'].flatMap((r) => [
      [`POST /v1/orgs/:orgId/${r}`, SERVICE],
      [`GET /v1/orgs/:orgId/${r}`, SUPPORT],
      [`GET /v1/orgs/:orgId/${r}/:id`, SUPPORT],
    ]),
  ),
  'POST /v1/connections': SERVICE,
  'GET /v1/connections': SUPPORT,
  'GET /v1/connections/:connectionId': SUPPORT,
  'POST /v1/orgs/:orgId/users/:userId/sign-in-links': SERVICE,
  'DELETE /v1/orgs/:orgId/users/:userId/sessions': SERVICE,
  'GET /v1/providers': SUPPORT,
  'GET /v1/orgs/:orgId/contacts': SUPPORT,
  'PUT /v1/orgs/:orgId/contacts': SERVICE,
  'POST /v1/orgs/:orgId/contacts/confirmation': SERVICE,
  'POST /v1/orgs/:orgId/closures': SERVICE,
  'GET /v1/orgs/:orgId/closures': SUPPORT,
  'GET /v1/orgs/:orgId/closures/:closureId': SUPPORT,
  'DELETE /v1/orgs/:orgId/closures/:closureId': SERVICE,
  'POST /v1/webhooks': SERVICE,
  'GET /v1/webhooks': SERVICE,
  'DELETE /v1/webhooks/:webhookId': SERVICE,
  'POST /v1/webhooks/:webhookId/rotate-secret': SERVICE,
  'GET /v1/webhooks/:webhookId/deliveries': SERVICE,
  'POST /v1/webhooks/deliveries/:deliveryId/redeliver': SERVICE,
  'POST /v1/tickets': SUPPORT,
  'GET /v1/tickets': SUPPORT,
  'GET /v1/tickets/:ticketId': SUPPORT,
  'POST /v1/tickets/:ticketId/messages': SUPPORT,
  'GET /v1/help/articles': SUPPORT,
  'GET /v1/help/articles/:slug': SUPPORT,
  'POST /v1/help/ask': SUPPORT,
  'POST /v1/disconnections': SERVICE,
  'POST /v1/connections/:connectionId/healthy': SERVICE,
  'GET /v1/repairs': SUPPORT,
  'GET /v1/repairs/:repairId': SUPPORT,
  'GET /v1/repairs/:repairId/ticket': SUPPORT,
  'POST /v1/repairs/:repairId/credentials': SUPPORT,
  'POST /v1/repairs/:repairId/verification-code': SUPPORT,
  'POST /v1/repairs/:repairId/steps-completed': SUPPORT,
  'POST /v1/repairs/:repairId/defer': SUPPORT,
  'POST /v1/repairs/:repairId/support': SUPPORT,
  'POST /v1/orgs/:orgId/printers': SERVICE,
  'GET /v1/orgs/:orgId/printers': SUPPORT,
  'POST /v1/orgs/:orgId/printers/:printerId/password': SERVICE,
};

/** Health and docs serve nothing private; Twilio signs its callbacks; printers send their own credentials; the pages check the merchant's session. */
const PUBLIC = [
  'GET /healthz (health)',
  'GET /readyz (health)',
  ...['/docs/', '/docs/json', '/docs/yaml', '/docs/static/*', '/docs/static/index.html', '/docs/static/swagger-initializer.js'].map((u) => `GET ${u} (docs)`),
  'POST /v1/webhooks/twilio/status (twilio-signature)',
  ...['POST', 'GET', 'DELETE'].map((m) => `${m} /cloudprnt (printer-credentials)`),
  'POST /v1/webhooks/twilio/inbound (twilio-signature)',
  'POST /v1/webhooks/twilio/calls/gather (twilio-signature)',
  'POST /v1/webhooks/twilio/calls/status (twilio-signature)',
  ...[
    'GET /assets/*',
    'GET /sign-in',
    'POST /sign-out',
    'GET /r/:token',
    'GET /',
    'GET /widgets/disconnected-channels',
    'GET /widgets/integrations',
    'GET /settings/integrations',
    'GET /settings/contacts',
    'POST /settings/contacts',
    'POST /settings/users',
    'POST /settings/contacts/confirm',
    'GET /settings/closures',
    'POST /settings/closures',
    'POST /settings/closures/:closureId/withdraw',
    'GET /repairs',
    'GET /repairs/:repairId',
    'GET /repairs/:repairId/panel',
    'POST /repairs/:repairId/credentials',
    'POST /repairs/:repairId/verification-code',
    'POST /repairs/:repairId/steps-completed',
    'POST /repairs/:repairId/defer',
    'GET /repairs/:repairId/support',
    'POST /repairs/:repairId/support',
    'GET /support',
    'GET /support/tickets',
    'GET /support/tickets/new',
    'POST /support/tickets',
    'GET /support/tickets/:ticketId',
    'POST /support/tickets/:ticketId/messages',
    'GET /help',
    'GET /help/articles/:slug',
    'GET /support/assistant',
    'POST /support/assistant',
    'POST /support/assistant/restart',
  ].map((r) => `${r} (merchant-session)`),
];

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
// HEAD routes are Fastify's copies of the GET routes, with the same declaration.
const routes = () => routeTable(api.app.server).filter((r) => r.method !== 'HEAD');

describe('route declarations', () => {
  it('every route declares who may call it', () => {
    expect(routes().filter((r) => r.access === null).map(key)).toEqual([]);
  });

  it('the routes that need no API key are exactly the expected list', () => {
    const open = routes().filter((r) => r.access && 'public' in r.access).map((r) => `${key(r)} (${(r.access as { public: string }).public})`);
    expect(open.sort()).toEqual([...PUBLIC].sort());
  });

  it('every API-key route is in the role matrix with the roles it lists', () => {
    const declared = Object.fromEntries(routes().filter((r) => r.access && 'roles' in r.access).map((r) => [key(r), (r.access as { roles: Roles }).roles]));
    expect(declared).toEqual(MATRIX);
  });
});

const fill = (url: string) => url.replace(/:(\w+)/g, (_m, name: string) => `${name.slice(0, 3).toLowerCase()}_x00000000000`);
const callers = [
  { name: 'service', headers: auth() },
  { name: 'agent', headers: auth(TEST_AGENT_KEY) },
] as const;

describe.each(Object.entries(MATRIX))('%s', (route, allowed) => {
  const [method, url] = route.split(' ') as [string, string];
  const call = (headers: Record<string, string>) =>
    api.app.inject({ method: method as 'GET', url: fill(url), headers, ...(method === 'GET' ? {} : { payload: {} }) });

  it.each(callers)('$name key', async ({ name, headers }) => {
    const res = await call(headers);
    if (allowed.includes(name)) expect([401, 403]).not.toContain(res.statusCode);
    else expect(res.statusCode).toBe(403);
  });

  it('no key, or a wrong key: 401', async () => {
    expect((await call({})).statusCode).toBe(401);
    expect((await call({ authorization: 'Bearer wrong-key-0000000000' })).statusCode).toBe(401);
  });
});

// The merchant pages hold a signed-in user to the permissions the API checks: pages that show
// integrations and repairs need integrations:view, support pages and forms need support:chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleFor } from '../../core/providers/index.js';
import { auth, createTestApi, type TestApi } from '../helpers/api.js';
import { PageSession } from '../helpers/page-session.js';
import { report, setUpMerchant, type MerchantSetup, type RepairStack } from '../helpers/repair-stack.js';

let api: TestApi;
let m: MerchantSetup;
let repairId: string;
let contactsOnly: string;

beforeAll(async () => {
  api = await createTestApi();
  const stack = { app: api.app } as RepairStack;
  m = await setUpMerchant(stack, { provider: 'glovo' });
  contactsOnly = (await api.app.inject({ method: 'POST', url: `/v1/orgs/${m.orgId}/users`, headers: auth(), payload: { email: `contacts-${m.orgId}@example.com`, permissions: ['contacts:edit'] } })).json<{ id: string }>().id;
  repairId = (await report(stack, m.connectionId, ruleFor('glovo', 'invalid_store_config', 'store_inactive')!.code)).repairId;
});
afterAll(async () => api?.close());

const html = { accept: 'text/html' };
const integrationPages = () => ['/', '/widgets/disconnected-channels', '/settings/integrations', '/widgets/integrations', '/repairs', `/repairs/${repairId}`, `/repairs/${repairId}/panel`];
const supportPages = () => ['/support/tickets', '/support/tickets/new', `/repairs/${repairId}/support`];

describe('merchant pages check the signed-in user\'s permissions', () => {
  it('a user without integrations:view or support:chat sees none of those pages', async () => {
    const session = new PageSession(api.app, html);
    await session.signIn(m.orgId, contactsOnly);
    for (const url of [...integrationPages(), ...supportPages()]) {
      const res = await session.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.body, url).not.toContain(m.accountRef);
    }
    expect((await session.get('/settings/contacts')).statusCode).toBe(200);
  });

  it('a user who has them does', async () => {
    const session = new PageSession(api.app, html);
    await session.signIn(m.orgId, m.owner);
    for (const url of [...integrationPages(), ...supportPages()]) expect((await session.get(url)).statusCode, url).toBe(200);
  });
});

// A service or agent key acting for a merchant user (actingUserId) is held to that user's
// permissions: integrations:view to read repairs and connections and to defer, support:chat for
// support requests and ticket messages, integrations:reconnect for credentials, codes and steps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleFor } from '../../core/providers/index.js';
import { auth, createTestApi, TEST_AGENT_KEY, type TestApi } from '../helpers/api.js';
import { report, setUpMerchant, type MerchantSetup, type RepairStack } from '../helpers/repair-stack.js';

let api: TestApi;
let m: MerchantSetup;
let repairId: string;
const users: Record<'nothing' | 'viewer' | 'chatter' | 'fixer', string> = { nothing: '', viewer: '', chatter: '', fixer: '' };

beforeAll(async () => {
  api = await createTestApi();
  const stack = { app: api.app } as RepairStack;
  m = await setUpMerchant(stack, { provider: 'glovo' });
  const grants = { nothing: [], viewer: ['integrations:view'], chatter: ['support:chat'], fixer: ['integrations:reconnect'] };
  for (const [name, permissions] of Object.entries(grants)) {
    const res = await api.app.inject({ method: 'POST', url: `/v1/orgs/${m.orgId}/users`, headers: auth(), payload: { email: `acting-${name}-${m.orgId}@example.com`, permissions } });
    expect(res.statusCode, res.body).toBe(201);
    users[name as keyof typeof users] = (res.json() as { id: string }).id;
  }
  repairId = (await report(stack, m.connectionId, ruleFor('glovo', 'invalid_store_config', 'store_inactive')!.code)).repairId;
});
afterAll(async () => api?.close());

const keys = [
  ['service', auth()],
  ['agent', auth(TEST_AGENT_KEY)],
] as const;
const get = (url: string, headers: Record<string, string>) => api.app.inject({ method: 'GET', url, headers });
const post = (url: string, payload: object, headers: Record<string, string>) => api.app.inject({ method: 'POST', url, payload, headers });

function expectForbidden(res: Awaited<ReturnType<typeof get>>) {
  expect(res.statusCode, res.body).toBe(403);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
}

describe.each(keys)('%s key acting for a user', (_name, headers) => {
  it('reads repairs and connections only with integrations:view', async () => {
    for (const url of [`/v1/repairs/${repairId}`, `/v1/repairs/${repairId}/ticket`, `/v1/repairs?orgId=${m.orgId}`, `/v1/connections?orgId=${m.orgId}`, `/v1/connections/${m.connectionId}`]) {
      const sep = url.includes('?') ? '&' : '?';
      for (const who of [users.nothing, users.chatter, users.fixer]) expectForbidden(await get(`${url}${sep}actingUserId=${who}`, headers));
      expect((await get(`${url}${sep}actingUserId=${users.viewer}`, headers)).statusCode).toBe(200);
    }
  });

  it('asks for support and writes ticket messages only with support:chat', async () => {
    for (const who of [users.nothing, users.viewer, users.fixer]) {
      expectForbidden(await post(`/v1/repairs/${repairId}/support`, { actingUserId: who, message: 'Help me' }, headers));
      expectForbidden(await post('/v1/tickets', { orgId: m.orgId, actingUserId: who, subject: 'Help', message: 'Please' }, headers));
    }
    const opened = await post('/v1/tickets', { orgId: m.orgId, actingUserId: users.chatter, subject: 'Help', message: 'Please' }, headers);
    expect(opened.statusCode, opened.body).toBe(201);
    const { ticketId } = opened.json() as { ticketId: string };
    expectForbidden(await post(`/v1/tickets/${ticketId}/messages`, { author: 'merchant', actingUserId: users.viewer, body: 'Me too' }, headers));
    expect((await post(`/v1/tickets/${ticketId}/messages`, { author: 'merchant', actingUserId: users.chatter, body: 'Still broken' }, headers)).statusCode).toBe(201);
  });

  it('steers the repair only with the permission each action needs', async () => {
    for (const who of [users.nothing, users.viewer, users.chatter]) {
      expectForbidden(await post(`/v1/repairs/${repairId}/steps-completed`, { actingUserId: who }, headers));
      expectForbidden(await post(`/v1/repairs/${repairId}/credentials`, { actingUserId: who, username: 'a', password: 'b' }, headers));
      expectForbidden(await post(`/v1/repairs/${repairId}/verification-code`, { actingUserId: who, code: '123456' }, headers));
    }
    for (const who of [users.nothing, users.chatter, users.fixer]) expectForbidden(await post(`/v1/repairs/${repairId}/defer`, { actingUserId: who }, headers));
  });

  it('shows a user only the actions their permissions allow', async () => {
    const detail = (await get(`/v1/repairs/${repairId}?actingUserId=${users.viewer}`, headers)).json() as { allowedActions: string[] };
    expect(detail.allowedActions).toEqual(['defer']);
  });
});

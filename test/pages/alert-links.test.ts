// Alert links and sessions on the real stack (API over a listening socket, worker, Temporal, PostgreSQL,
// sandbox, mail sink): a link from an alert opens that one repair with one click and nothing else of the
// organization, stops signing in once the repair closed, and every session can be ended server-side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../core/db/entities/index.js';
import { linkKeysOf, signLink, verifyLink } from '../../core/secrets/repair-links.js';
import { auth, TEST_AGENT_KEY } from '../helpers/api.js';
import { PageSession, textOf } from '../helpers/page-session.js';
import { startSinks, type Sinks } from '../helpers/sinks.js';
import { act, completeContacts, errorCode, eventually, repairDetail, report, sandboxAccount, setUpMerchant, startRepairStack, type MerchantSetup, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
let sinks: Sinks;
beforeAll(async () => {
  sinks = await startSinks();
  // A short alert window, so the alert e-mail (and its link) arrives within a test.
  stack = await startRepairStack({ env: { ...sinks.env, ALERT_WINDOW_MS: '300' }, listen: true });
});
afterAll(async () => {
  await stack?.close();
  await sinks?.close();
});

const key = () => linkKeysOf(stack.config.secretKeys)[0]!;
const FORBIDDEN_ELSEWHERE = ['/', '/repairs', '/settings/integrations', '/settings/contacts', '/support/tickets', '/support/tickets/new', '/widgets/disconnected-channels', '/widgets/integrations'];

/** An organization with two open repairs (Uber Eats and Deliveroo) and the alert e-mail of the first. */
async function merchantWithTwoRepairs(): Promise<{ m: MerchantSetup; repairId: string; otherRepairId: string; alertLink: string }> {
  const m = await setUpMerchant(stack, { provider: 'uber_eats', stores: 1 });
  await sandboxAccount(stack, 'uber_eats', m.accountRef, { password: 'correct-horse', secondFactor: 'none' });
  await completeContacts(stack, m.orgId, m.owner);
  const second = await stack.app.inject({ method: 'POST', url: '/v1/connections', payload: { orgId: m.orgId, provider: 'deliveroo', accountRef: `${m.accountRef}-d`, storeIds: m.storeIds }, headers: auth() });
  expect(second.statusCode).toBe(201);
  const repairId = (await report(stack, m.connectionId, errorCode('uber_eats', 'invalid_credentials'))).repairId;
  const owner = (await stack.db.orm.em.fork().findOneOrFail(User, { id: m.owner })).email;
  const linkOf = (mails: Awaited<ReturnType<Sinks['mails']>>) =>
    mails.filter((x) => x.to.some((t) => t.address === owner)).flatMap((x) => (x.text ?? '').match(/https?:\/\/\S+\/r\/[\w.-]+/g) ?? []).find((link) => verifyLink(linkKeysOf(stack.config.secretKeys), link.split('/r/')[1]!)?.repairId === repairId);
  const alertLink = linkOf(await eventually(sinks.mails, (mails) => linkOf(mails) !== undefined))!;
  const otherRepairId = (await report(stack, second.json<{ id: string }>().id, errorCode('deliveroo', 'invalid_credentials'))).repairId;
  return { m, repairId, otherRepairId, alertLink };
}

async function closeRepair(m: MerchantSetup, repairId: string) {
  const done = await act(stack, repairId, 'credentials', { actingUserId: m.owner, username: m.accountRef, password: 'correct-horse' });
  expect(done.status).toBe(200);
  await eventually(() => repairDetail(stack, repairId), (r) => r.state === 'healthy');
}

const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';

describe('a link from an alert', () => {
  it('opens its repair with one click, ready to act, and lasts at most three days', async () => {
    const { m, repairId, alertLink } = await merchantWithTwoRepairs();
    const claims = verifyLink(linkKeysOf(stack.config.secretKeys), alertLink.split('/r/')[1]!);
    expect(claims).toMatchObject({ repairId, userId: m.owner });
    expect(claims!.exp * 1000 - Date.now()).toBeLessThanOrEqual(3 * 24 * 3600_000);
    const session = new PageSession(stack.app);
    const opened = await session.get(new URL(alertLink).pathname);
    expect(opened.headers.location).toBe(`/repairs/${repairId}`);
    const page = await session.follow(opened);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('Reconnect Uber Eats');
    expect(page.body).toContain('name="password"');
    // "I'll do it later" stays on the repair (the list is not the link's to show).
    const later = await session.post(`/repairs/${repairId}/defer`);
    expect(later.statusCode).toBe(303);
    expect(later.headers.location).toBe(`/repairs/${repairId}`);
    expect(textOf((await session.follow(later)).body)).toContain('We will remind you later');
  });

  it('forwarded, opens nothing but that repair: not another repair, the list, settings, contacts or tickets', async () => {
    const { otherRepairId, alertLink } = await merchantWithTwoRepairs();
    const session = new PageSession(stack.app);
    await session.follow(await session.get(new URL(alertLink).pathname));
    for (const path of [`/repairs/${otherRepairId}`, `/repairs/${otherRepairId}/panel`, ...FORBIDDEN_ELSEWHERE]) {
      const res = await session.get(path);
      expect(res.statusCode, path).toBe(403);
      expect(textOf(res.body), path).toContain('This link opens one repair');
    }
    for (const path of [`/repairs/${otherRepairId}/credentials`, '/settings/contacts', '/support/tickets']) {
      const res = await session.post(path, { username: 'x', password: 'y' });
      expect(res.statusCode, path).toBe(403);
    }
  });

  it('can ask for help with its repair and follow that ticket, but not open the organization’s other tickets', async () => {
    const { m, repairId, alertLink } = await merchantWithTwoRepairs();
    const full = new PageSession(stack.app);
    await full.signIn(m.orgId, m.owner);
    await full.get('/support/tickets/new');
    const general = String((await full.post('/support/tickets', { subject: 'Invoices', message: 'Where are the invoices?' })).headers.location);
    expect(general).toMatch(/^\/support\/tickets\/tkt_/);

    const session = new PageSession(stack.app);
    await session.follow(await session.get(new URL(alertLink).pathname));
    // The support page's "open a ticket" leads to this repair's help form, not the organization's tickets.
    expect((await session.get('/support')).body).toContain(`href="/repairs/${repairId}/support"`);
    expect((await session.get(`/repairs/${repairId}/support`)).statusCode).toBe(200);
    const opened = await session.post(`/repairs/${repairId}/support`, { message: 'The password works on the Uber Eats site.' });
    expect(opened.headers.location).toMatch(/^\/support\/tickets\/tkt_/);
    const ticket = await session.follow(opened);
    expect(ticket.statusCode).toBe(200);
    expect(textOf(ticket.body)).toContain('The password works on the Uber Eats site.');
    expect((await session.post(`${opened.headers.location}/messages`, { body: 'Any news?' })).statusCode).toBe(303);
    expect(textOf((await session.get(String(opened.headers.location))).body)).toContain('Any news?');
    expect((await session.get(general)).statusCode).toBe(403);
    expect((await session.post(`${general}/messages`, { body: 'Hello' })).statusCode).toBe(403);
  });

  it('over a real socket, the forwarded link’s cookie opens the repair and is refused the settings', async () => {
    const { repairId, alertLink } = await merchantWithTwoRepairs();
    const opened = await fetch(alertLink, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
    const repair = await fetch(`${stack.config.publicUrl}/repairs/${repairId}`, { headers: { cookie, accept: 'text/html' } });
    expect(repair.status).toBe(200);
    const settings = await fetch(`${stack.config.publicUrl}/settings/integrations`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
    expect(settings.status).toBe(403);
    expect(textOf(await settings.text())).toContain('This link opens one repair');
  });

  it('once its repair has closed, signs nobody in and says the repair is finished', async () => {
    const { m, repairId, alertLink } = await merchantWithTwoRepairs();
    await closeRepair(m, repairId);
    for (const path of [new URL(alertLink).pathname, `/r/${signLink(key(), { repairId })}`]) {
      const session = new PageSession(stack.app);
      const res = await session.get(path);
      expect(res.statusCode, path).toBe(410);
      expect(textOf(res.body)).toContain('This repair is finished');
      expect((await session.get(`/repairs/${repairId}`)).statusCode).toBe(303);
    }
  });

  it('a session it opened can no longer act once the repair has closed', async () => {
    const { m, repairId, alertLink } = await merchantWithTwoRepairs();
    const session = new PageSession(stack.app);
    await session.follow(await session.get(new URL(alertLink).pathname));
    await closeRepair(m, repairId);
    const res = await session.post(`/repairs/${repairId}/defer`);
    expect(res.statusCode).toBe(403);
    expect(textOf(res.body)).toContain('This repair is finished');
  });
});

describe('links minted by a backend', () => {
  it('with a repair open that repair only; without one they sign the user in fully', async () => {
    const { m, repairId } = await merchantWithTwoRepairs();
    const scoped = new PageSession(stack.app);
    expect((await scoped.signIn(m.orgId, m.owner, repairId)).statusCode).toBe(200);
    expect((await scoped.get('/settings/integrations')).statusCode).toBe(403);
    const full = new PageSession(stack.app);
    await full.signIn(m.orgId, m.owner);
    expect((await full.get('/settings/integrations')).statusCode).toBe(200);
    expect((await full.get(`/repairs/${repairId}`)).statusCode).toBe(200);
  });

  it('an alert link opened where the user is already fully signed in keeps the full session', async () => {
    const { m, alertLink } = await merchantWithTwoRepairs();
    const session = new PageSession(stack.app);
    await session.signIn(m.orgId, m.owner);
    await session.follow(await session.get(new URL(alertLink).pathname));
    expect((await session.get('/settings/integrations')).statusCode).toBe(200);
  });
});

describe('ending sessions', () => {
  it('DELETE …/sessions ends every session of the user, full and scoped; new sign-ins work', async () => {
    const { m, repairId, alertLink } = await merchantWithTwoRepairs();
    const full = new PageSession(stack.app);
    await full.signIn(m.orgId, m.owner);
    const scoped = new PageSession(stack.app);
    await scoped.follow(await scoped.get(new URL(alertLink).pathname));
    const colleague = new PageSession(stack.app);
    await colleague.signIn(m.orgId, m.viewer);

    const revoked = await stack.app.inject({ method: 'DELETE', url: `/v1/orgs/${m.orgId}/users/${m.owner}/sessions`, headers: auth() });
    expect(revoked.statusCode).toBe(204);
    expect((await full.get('/settings/integrations')).headers.location).toBe('/sign-in?next=%2Fsettings%2Fintegrations');
    expect((await scoped.get(`/repairs/${repairId}`)).headers.location).toMatch(/^\/sign-in/);
    expect((await colleague.get('/settings/integrations')).statusCode).toBe(200);
    const again = new PageSession(stack.app);
    await again.signIn(m.orgId, m.owner);
    expect((await again.get('/settings/integrations')).statusCode).toBe(200);
  });

  it('DELETE …/sessions is for the service key, and names a user of the organization', async () => {
    const { m } = await merchantWithTwoRepairs();
    const agent = await stack.app.inject({ method: 'DELETE', url: `/v1/orgs/${m.orgId}/users/${m.owner}/sessions`, headers: auth(TEST_AGENT_KEY) });
    expect(agent.statusCode).toBe(403);
    expect(agent.headers['content-type']).toContain('application/problem+json');
    const other = await setUpMerchant(stack, { provider: 'doordash', stores: 1 });
    const elsewhere = await stack.app.inject({ method: 'DELETE', url: `/v1/orgs/${m.orgId}/users/${other.owner}/sessions`, headers: auth() });
    expect(elsewhere.statusCode).toBe(404);
    const bad = await stack.app.inject({ method: 'DELETE', url: `/v1/orgs/${m.orgId}/users/nope/sessions`, headers: auth() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors?: { name: string }[] }>().errors?.[0]?.name).toContain('userId');
  });

  it('a cookie replayed after sign-out no longer works, full or opened from a link', async () => {
    const { m, repairId, alertLink } = await merchantWithTwoRepairs();
    for (const open of [(s: PageSession) => s.signIn(m.orgId, m.owner), async (s: PageSession) => s.follow(await s.get(new URL(alertLink).pathname))]) {
      const session = new PageSession(stack.app);
      await open(session);
      const page = await session.get(`/repairs/${repairId}`);
      expect(page.statusCode).toBe(200);
      const cookie = session.cookieHeader;
      expect(cookie).toMatch(/^repair_session=/);
      expect((await session.post('/sign-out')).headers.location).toBe('/sign-in');
      const replayed = await stack.app.inject({ method: 'GET', url: `/repairs/${repairId}`, headers: { cookie } });
      expect(replayed.statusCode).toBe(303);
      expect(replayed.headers.location).toMatch(/^\/sign-in/);
      expect(cookieOf(replayed)).not.toBe(cookie);
    }
  });
});

// The merchant pages over HTTP on the real stack (API, worker, Temporal, PostgreSQL, sandbox): sign-in,
// sessions, CSRF, authorization and validation through the API's own rules, every page in every language.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import { Repair, User } from '../../core/db/entities/index.js';
import { linkKeyFrom, linkKeysOf, signLink } from '../../core/secrets/repair-links.js';
import { LOCALES } from '../../core/providers/index.js';
import { auth, testConfig } from '../helpers/api.js';
import { PageSession, textOf } from '../helpers/page-session.js';
import { startSinks, type Sinks } from '../helpers/sinks.js';
import { completeContacts, errorCode, eventually, report, sandboxAccount, setUpMerchant, startRepairStack, type MerchantSetup, type RepairStack } from '../helpers/repair-stack.js';

let stack: RepairStack;
let sinks: Sinks;
let m: MerchantSetup;
let repairId: string;
beforeAll(async () => {
  sinks = await startSinks();
  stack = await startRepairStack({ env: sinks.env });
  m = await setUpMerchant(stack, { provider: 'uber_eats', stores: 2 });
  await sandboxAccount(stack, 'uber_eats', m.accountRef, { password: 'correct-horse', secondFactor: 'sms' });
  await completeContacts(stack, m.orgId, m.owner);
  repairId = (await report(stack, m.connectionId, errorCode('uber_eats', 'invalid_credentials'))).repairId;
});
afterAll(async () => {
  await stack?.close();
  await sinks?.close();
});

const repairRow = () => stack.db.orm.em.fork().findOneOrFail(Repair, { id: repairId });
const signedIn = async (userId = m.owner, headers: Record<string, string> = {}) => {
  const session = new PageSession(stack.app, headers);
  await session.signIn(m.orgId, userId);
  return session;
};
describe('signing in', () => {
  it('sends anyone not signed in to sign in, and back afterwards', async () => {
    const session = new PageSession(stack.app);
    const home = await session.get('/settings/integrations');
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe('/sign-in?next=%2Fsettings%2Fintegrations');
    const page = await session.get('/sign-in');
    expect(page.statusCode).toBe(200);
    // Production has no user picker: people arrive from their dashboard or an alert's link.
    expect(textOf(page.body)).toContain('Open Repair from your dashboard');
    // /sign-in is only read in production: a POST is 405 (Allow: GET, HEAD), no sign-in happens.
    expect((await session.post('/sign-in', { userId: m.owner })).statusCode).toBe(405);
  });

  it('a link minted for a backend signs the user in, opens the repair, and sets a safe session cookie', async () => {
    const minted = await stack.app.inject({ method: 'POST', url: `/v1/orgs/${m.orgId}/users/${m.owner}/sign-in-links`, payload: { repairId }, headers: auth() });
    expect(minted.statusCode).toBe(201);
    const { url, expiresAt } = minted.json<{ url: string; expiresAt: string }>();
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(900_000);
    const session = new PageSession(stack.app);
    const opened = await session.get(new URL(url).pathname);
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(`/repairs/${repairId}`);
    const cookie = String(opened.headers['set-cookie']);
    expect(cookie).toMatch(/^repair_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const page = await session.follow(opened);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('no-store');
    expect(textOf(page.body)).toContain('Reconnect Uber Eats');
  });

  it('refuses links that were altered, signed with another key, expired, or name a user of another organization', async () => {
    const key = linkKeysOf(stack.config.secretKeys)[0]!;
    const good = signLink(key, { userId: m.owner });
    const other = await setUpMerchant(stack, { provider: 'doordash', stores: 1 });
    const bad = [
      `${good.slice(0, -2)}xx`,
      signLink(linkKeyFrom(Buffer.alloc(32, 9)), { userId: m.owner }),
      signLink(key, { userId: m.owner }, Date.now() - 3600_000, 60),
      signLink(key, { userId: other.owner, repairId }),
      signLink(key, { userId: 'usr_doesnotexist00' }),
    ];
    for (const token of bad) {
      const res = await new PageSession(stack.app).get(`/r/${token}`);
      expect(res.statusCode).toBe(410);
      expect(textOf(res.body)).toContain('This link no longer works');
      expect((await new PageSession(stack.app).get('/')).statusCode).toBe(303);
    }
  });

  it('a link that names no user (an alert to a store phone) shows the repair read-only until someone signs in', async () => {
    const session = new PageSession(stack.app);
    const page = await session.follow(await session.get(`/r/${signLink(linkKeysOf(stack.config.secretKeys)[0]!, { repairId })}`));
    expect(textOf(page.body)).toContain('Sign in to repair');
    expect(page.body).not.toContain('name="password"');
    expect((await session.get('/')).statusCode).toBe(303);
    const refused = await session.post(`/repairs/${repairId}/credentials`, { username: 'x', password: 'y' });
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toMatch(/^\/sign-in/);
  });

  it('signing out ends the session', async () => {
    const session = await signedIn();
    await session.get('/');
    expect((await session.post('/sign-out')).headers.location).toBe('/sign-in');
    expect((await session.get('/')).statusCode).toBe(303);
  });

  it('development offers a user picker; it signs in and returns to the page asked for', async () => {
    const dev = await buildApp({ config: { ...testConfig({ REPAIR_ENV: 'development' }), databaseUrl: stack.db.url }, orm: stack.db.orm, temporal: stack.temporal }, { logger: false });
    try {
      const session = new PageSession(dev);
      const picker = await session.get(`/sign-in?orgId=${m.orgId}&next=/settings/integrations`);
      expect(picker.body).toContain(`value="${m.owner}"`);
      const signedInAnswer = await session.post('/sign-in', { userId: m.owner, next: '/settings/integrations' });
      expect(signedInAnswer.headers.location).toBe('/settings/integrations');
      expect((await session.get('/settings/integrations')).statusCode).toBe(200);
      // Never an open redirect.
      expect((await session.post('/sign-in', { userId: m.owner, next: '//evil.example/x' })).headers.location).toBe('/');
    } finally {
      await dev.close();
    }
  });
});

describe('forms', () => {
  it('refuse a post without the page’s CSRF token, and change nothing', async () => {
    const session = await signedIn();
    await session.get(`/repairs/${repairId}`);
    for (const token of ['', 'forged-token']) {
      const res = await session.post(`/repairs/${repairId}/credentials`, { _csrf: token, username: m.accountRef, password: 'correct-horse' });
      expect(res.statusCode).toBe(403);
      expect(textOf(res.body)).toContain('This form has expired');
    }
    expect((await repairRow()).attempts).toBe(0);
  });

  it('check credentials with the API’s schema, name the field in the merchant’s words, and keep the username', async () => {
    const session = await signedIn();
    await session.get(`/repairs/${repairId}`);
    const res = await session.post(`/repairs/${repairId}/credentials`, { username: 'lola@example.com', password: '' });
    expect(res.statusCode).toBe(400);
    expect(textOf(res.body)).toContain('Enter the password.');
    expect(res.body).toMatch(/id="field-password"[^>]*aria-invalid="true"/);
    expect(res.body).toContain('value="lola@example.com"');
    expect((await repairRow()).attempts).toBe(0);
  });

  it('a viewer sees Unauthorized, and posting anyway is refused by the same rule as the API', async () => {
    const viewer = await signedIn(m.viewer);
    const page = await viewer.get(`/repairs/${repairId}`);
    expect(textOf(page.body)).toContain('You are not allowed to reconnect this account');
    expect(page.body).not.toContain('name="password"');
    const res = await viewer.post(`/repairs/${repairId}/credentials`, { username: m.accountRef, password: 'correct-horse' });
    expect(res.statusCode).toBe(403);
    expect(textOf(res.body)).toContain('You are not allowed to reconnect this account');
    expect((await repairRow()).attempts).toBe(0);
  });

  it('a repair of another organization does not exist for this user', async () => {
    const other = await setUpMerchant(stack, { provider: 'doordash', stores: 1 });
    const stranger = new PageSession(stack.app);
    await stranger.signIn(other.orgId, other.owner);
    expect((await stranger.get(`/repairs/${repairId}`)).statusCode).toBe(404);
    expect((await stranger.post(`/repairs/${repairId}/defer`)).statusCode).toBe(404);
  });
});

describe('the repair screens', () => {
  it('the live panel renders alone, with its own CSRF token, for the page to swap in', async () => {
    const session = await signedIn();
    const panel = await session.get(`/repairs/${repairId}/panel`);
    expect(panel.statusCode).toBe(200);
    expect(panel.body).toMatch(/^<div class="panel" data-live-key="awaiting_credentials:0:"/);
    expect(panel.body).toMatch(/name="_csrf" value="[^"]+"/);
    expect(panel.body).not.toContain('<html');
    expect((await new PageSession(stack.app).get(`/repairs/${repairId}/panel`)).statusCode).toBe(404);
    // Polling with the key it shows: unchanged is an empty answer.
    const unchanged = await session.get(`/repairs/${repairId}/panel?key=awaiting_credentials:0:`);
    expect(unchanged.statusCode).toBe(204);
    expect(unchanged.body).toBe('');
  });

  it('a wrong password, then the right one, then the code from the sandbox: healthy', async () => {
    const session = await signedIn();
    await session.get(`/repairs/${repairId}`);
    const wrong = await session.follow(await session.post(`/repairs/${repairId}/credentials`, { username: m.accountRef, password: 'nope' }));
    expect(textOf(wrong.body)).toContain('Uber Eats did not accept this username and password');
    expect(wrong.body).toContain(`value="${m.accountRef}"`);
    const code = await session.follow(await session.post(`/repairs/${repairId}/credentials`, { username: m.accountRef, password: 'correct-horse' }));
    expect(textOf(code.body)).toContain('Enter the verification code');
    const sent = (await (await fetch(`${stack.sandboxUrl}/sandbox/accounts/uber_eats/${m.accountRef}/last-code`)).json()) as { code: string };
    const done = await session.follow(await session.post(`/repairs/${repairId}/verification-code`, { code: sent.code }));
    expect(textOf(done.body)).toContain('Account reconnected');
    expect((await repairRow()).state).toBe('healthy');
    await eventually(async () => (await session.get('/settings/integrations')).body, (body) => body.includes('data-status="healthy"') && !body.includes('data-status="needs_attention"'));
  });

  it('a resubmitted form (same form id) acts once', async () => {
    const n = await setUpMerchant(stack, { provider: 'uber_eats', stores: 1 });
    await sandboxAccount(stack, 'uber_eats', n.accountRef, { password: 'correct-horse', secondFactor: 'none' });
    const id = (await report(stack, n.connectionId, errorCode('uber_eats', 'invalid_credentials'))).repairId;
    const session = new PageSession(stack.app);
    await session.signIn(n.orgId, n.owner);
    await session.get(`/repairs/${id}`);
    const form = { _form: 'form-0123456789', username: n.accountRef, password: 'wrong' };
    await session.post(`/repairs/${id}/credentials`, form);
    await session.get(`/repairs/${id}`);
    await session.post(`/repairs/${id}/credentials`, form);
    expect((await stack.db.orm.em.fork().findOneOrFail(Repair, { id })).attempts).toBe(1);
  });
});

describe('rate limits', () => {
  it('too many signed-link attempts from one client get a page asking to wait', async () => {
    const limited = await buildApp({ config: stack.config, orm: stack.db.orm, temporal: stack.temporal }, { logger: false });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 61; i += 1) statuses.push((await limited.inject({ method: 'GET', url: '/r/not-a-token' })).statusCode);
      expect(statuses.slice(0, 60).every((s) => s === 410)).toBe(true);
      const last = await limited.inject({ method: 'GET', url: '/r/not-a-token' });
      expect(last.statusCode).toBe(429);
      expect(textOf(last.body)).toContain('Too many attempts');
      expect(last.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});

describe('unknown paths', () => {
  it('a browser gets a page in its language; an API client keeps problem+json', async () => {
    const page = await stack.app.inject({ method: 'GET', url: '/no-such-page', headers: { accept: 'text/html,application/xhtml+xml', 'accept-language': 'it-IT,it;q=0.9' } });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<html lang="it">');
    const api = await stack.app.inject({ method: 'GET', url: '/v1/no-such-route', headers: { accept: 'text/html', ...auth() } });
    expect(api.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('no secret reaches the logs', () => {
  it('neither a link token nor a password appears in the request logs', async () => {
    let logs = '';
    const logStream = new Writable({ write: (chunk, _e, done) => ((logs += String(chunk)), done()) });
    const logged = await buildApp({ config: { ...stack.config, logLevel: 'debug' }, orm: stack.db.orm, temporal: stack.temporal }, { logStream });
    try {
      const n = await setUpMerchant(stack, { provider: 'uber_eats', stores: 1 });
      const id = (await report(stack, n.connectionId, errorCode('uber_eats', 'invalid_credentials'))).repairId;
      const token = signLink(linkKeysOf(stack.config.secretKeys)[0]!, { userId: n.owner, repairId: id });
      const session = new PageSession(logged);
      await session.follow(await session.get(`/r/${token}`));
      await session.post(`/repairs/${id}/credentials`, { username: n.accountRef, password: 'Sup3r-Secret-Pw!' });
      expect(logs).toContain('/r/[redacted]');
      expect(logs).not.toContain(token);
      expect(logs).not.toContain(token.split('.')[1]);
      expect(logs).not.toContain('Sup3r-Secret-Pw!');
      expect(logs).not.toContain('repair_session=');
    } finally {
      await logged.close();
    }
  });
});

describe('languages', () => {
  const pages = () => ['/', '/repairs', `/repairs/${repairId}`, '/settings/integrations', '/settings/contacts', '/support', '/support/tickets', '/support/tickets/new', '/help'];

  it.each(LOCALES)('every page renders in %s from the switcher', async (locale) => {
    const session = await signedIn();
    for (const [i, path] of pages().entries()) {
      const res = await session.get(i === 0 ? `${path}?locale=${locale}` : path);
      expect(res.statusCode, path).toBe(200);
      expect(res.body, path).toContain(`<html lang="${locale}">`);
      expect(res.headers['content-language'], path).toBe(locale);
    }
  });

  it('follows the switcher, then the user’s language, then the browser’s, then the organization’s', async () => {
    const em = stack.db.orm.em.fork();
    const noLocale = await setUpMerchant(stack, { provider: 'doordash', stores: 1, locale: 'it' });
    const lang = async (session: PageSession, url = '/settings/integrations') => /<html lang="(\w+)">/.exec((await session.get(url)).body)?.[1];
    const browserFr = new PageSession(stack.app, { 'accept-language': 'fr-FR,fr;q=0.9' });
    await browserFr.signIn(noLocale.orgId, noLocale.owner);
    expect(await lang(browserFr)).toBe('fr');
    const noHeader = new PageSession(stack.app);
    await noHeader.signIn(noLocale.orgId, noLocale.owner);
    expect(await lang(noHeader)).toBe('it');
    await em.nativeUpdate(User, { id: noLocale.owner }, { locale: 'pt' });
    expect(await lang(browserFr)).toBe('pt');
    expect(await lang(browserFr, '/settings/integrations?locale=es')).toBe('es');
    expect(await lang(browserFr)).toBe('es');
  });
});

describe('contact details', () => {
  it('the mandatory dialog replaces the pages until the details are complete, and the form follows the API’s rules', async () => {
    const n = await setUpMerchant(stack, { provider: 'uber_eats', stores: 1 });
    await stack.db.orm.em.fork().nativeUpdate(User, { id: n.owner }, { permissions: ['integrations:view', 'integrations:reconnect', 'contacts:edit', 'users:invite'] });
    const session = new PageSession(stack.app);
    await session.signIn(n.orgId, n.owner);
    const home = await session.get('/');
    expect(textOf(home.body)).toContain('Complete your contact details');
    expect(textOf(home.body)).not.toContain('Disconnected channels');
    // Repairs stay reachable: paperwork never blocks fixing lost orders.
    expect((await session.get('/repairs')).statusCode).toBe(200);

    await session.get('/settings/contacts');
    const invalid = await session.post('/settings/contacts', { 'emergencyTechnical.0.name': 'On call', 'emergencyTechnical.0.email': 'not-an-email' });
    expect(invalid.statusCode).toBe(400);
    expect(textOf(invalid.body)).toContain('Enter a valid e-mail address');
    expect(invalid.body).toMatch(/id="emergencyTechnical-0-email"[^>]*value="not-an-email"[^>]*aria-invalid="true"/);

    const draft = await session.follow(await session.post('/settings/contacts', { 'emergencyTechnical.0.name': 'On call', 'emergencyTechnical.0.email': 'oncall@example.com' }));
    expect(textOf(draft.body)).toContain('Saved as a draft');
    expect(draft.body).toContain('value="oncall@example.com"');

    const saved = await session.follow(
      await session.post('/settings/contacts', {
        alertContacts: n.owner,
        'emergencyTechnical.0.name': 'On call',
        'emergencyTechnical.0.email': 'oncall@example.com',
        'emergencyTechnical.0.phone': '+34600999000',
        'nonEmergencyTechnical.0.name': 'Tech',
        'nonEmergencyTechnical.0.email': 'tech@example.com',
        'merchantOperations.0.name': 'Ops',
        'merchantOperations.0.email': 'ops@example.com',
        'platformOperations.0.name': 'Ops',
        'platformOperations.0.email': 'ops@example.com',
        'userFacingOperations.email': 'help@example.com',
        'supportHours.0.days': ['mon', 'tue', 'wed', 'thu', 'fri'],
        'supportHours.0.from': '09:00',
        'supportHours.0.to': '18:00',
        'supportHours.0.timezone': 'Europe/Madrid',
      }),
    );
    expect(textOf(saved.body)).toContain('Contact details saved');
    const api = (await stack.app.inject({ method: 'GET', url: `/v1/orgs/${n.orgId}/contacts`, headers: auth() })).json<{ complete: boolean; supportHours: unknown[] }>();
    expect(api).toMatchObject({ complete: true, supportHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '18:00', timezone: 'Europe/Madrid' }] });
    expect(textOf((await session.get('/')).body)).toContain('Disconnected channels');
  });

  it('a user without the permission reads the details and is refused when saving', async () => {
    const viewer = await signedIn(m.viewer);
    const page = await viewer.get('/settings/contacts');
    expect(page.body).toMatch(/<fieldset class="fieldset" disabled>/);
    const res = await viewer.post('/settings/contacts', { 'emergencyTechnical.0.name': 'Me', 'emergencyTechnical.0.email': 'me@example.com' });
    expect(res.statusCode).toBe(403);
  });

  it('inviting a colleague needs the permission and never hands out more than the inviter has', async () => {
    const viewer = await signedIn(m.viewer);
    await viewer.get('/settings/contacts');
    expect((await viewer.post('/settings/users', { email: 'new@example.com', permissions: 'contacts:edit' })).statusCode).toBe(403);
    const em = stack.db.orm.em.fork();
    await em.nativeUpdate(User, { id: m.owner }, { permissions: ['integrations:view', 'integrations:reconnect', 'users:invite'] });
    const owner = await signedIn();
    await owner.get('/settings/contacts');
    expect((await owner.post('/settings/users', { email: 'too-much@example.com', permissions: 'contacts:edit' })).statusCode).toBe(403);
    const invited = await owner.post('/settings/users', { email: 'Colleague@Example.com', name: 'Colleague', permissions: 'integrations:reconnect', next: '/settings/contacts#users' });
    expect(invited.statusCode).toBe(303);
    expect(invited.headers.location).toBe('/settings/contacts#users');
    const user = await em.findOneOrFail(User, { org: m.orgId, email: 'colleague@example.com' });
    expect(user.permissions.sort()).toEqual(['integrations:reconnect', 'integrations:view']);
    const workflow = await stack.temporal.workflow.getHandle(`invitation-${user.id}`).describe();
    expect(workflow.type).toBe('userInvitationWorkflow');
    // The invitation e-mail's link signs the colleague in.
    const mail = await eventually(sinks.mails, (mails) => mails.some((x) => x.to.some((t) => t.address === 'colleague@example.com')));
    const text = mail.find((x) => x.to.some((t) => t.address === 'colleague@example.com'))!.text ?? '';
    const link = /https?:\/\/[^\s]+\/r\/[\w.-]+/.exec(text)?.[0];
    expect(link).toBeTruthy();
    const colleague = new PageSession(stack.app);
    const landed = await colleague.follow(await colleague.get(new URL(link!).pathname));
    expect(textOf(landed.body)).toContain('Hello, Colleague');
    const again = await owner.post('/settings/users', { email: 'colleague@example.com', permissions: 'integrations:reconnect' });
    expect(again.statusCode).toBe(409);
    expect(textOf(again.body)).toContain('already a user of your organization');
  });
});

describe('support from a repair', () => {
  it('opens a chat ticket carrying the repair, shows it, and takes a reply', async () => {
    const n = await setUpMerchant(stack, { provider: 'uber_eats', stores: 1 });
    const id = (await report(stack, n.connectionId, errorCode('uber_eats', 'invalid_credentials'))).repairId;
    const session = new PageSession(stack.app);
    await session.signIn(n.orgId, n.owner);
    await session.get(`/repairs/${id}/support`);
    const empty = await session.post(`/repairs/${id}/support`, { message: '' });
    expect(empty.statusCode).toBe(400);
    expect(textOf(empty.body)).toContain('Write a message.');
    const opened = await session.post(`/repairs/${id}/support`, { message: 'The password works on the Uber Eats site.' });
    expect(opened.headers.location).toMatch(/^\/support\/tickets\/tkt_/);
    const ticket = await session.follow(opened);
    expect(textOf(ticket.body)).toContain('The password works on the Uber Eats site.');
    await session.post(`${opened.headers.location}/messages`, { body: 'Any news?' });
    expect(textOf((await session.get(String(opened.headers.location))).body)).toContain('Any news?');
    await eventually(async () => (await stack.db.orm.em.fork().findOneOrFail(Repair, { id })).supportRequested, (v) => v === true);
  });
});

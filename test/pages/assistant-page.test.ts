// The assistant page over HTTP as a browser speaks it (session cookie, CSRF token, url-encoded
// forms): the read-only path for a user who may not reconnect, a session that sees only its own
// conversation and its own organization's repairs, a session scoped to one repair, and a visitor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, translate } from '../../core/i18n/index.js';
import { createTestApi, type TestApi } from '../helpers/api.js';
import { DELIVEROO_INACTIVE, helpMerchant, UBER_CODE, type HelpMerchant } from '../helpers/help-merchant.js';
import { PageSession, textOf } from '../helpers/page-session.js';

let api: TestApi;
let lola: HelpMerchant;
let other: HelpMerchant;

beforeAll(async () => {
  api = await createTestApi();
  lola = await helpMerchant(api.app, api.db.orm, { repairs: [{ ...UBER_CODE, accountRef: 'casa-lola-ue' }, { ...DELIVEROO_INACTIVE, accountRef: 'casa-lola-roo' }] });
  other = await helpMerchant(api.app, api.db.orm, { repairs: [{ ...DELIVEROO_INACTIVE, accountRef: 'other-org-roo', location: 'Bilbao Indautxu' }] });
});
afterAll(async () => api?.close());

async function ask(session: PageSession, question: string) {
  await session.get('/support/assistant?locale=en');
  const res = await session.post('/support/assistant', { question });
  expect(res.statusCode).toBe(303);
  return session.follow(res);
}

describe('the assistant page', () => {
  it.each(LOCALES)('speaks %s: the page, and the answer about the merchant\'s repair', async (locale) => {
    const session = new PageSession(api.app);
    await session.signIn(lola.orgId, lola.owner);
    const page = await session.get(`/support/assistant?locale=${locale}`);
    expect(page.body).toContain(`<html lang="${locale}">`);
    expect(page.body).toContain(`<label for="question">${translate(locale, 'page.assistant.questionLabel')}</label>`);
    const res = await session.post('/support/assistant', { question: 'Deliveroo' });
    const answer = textOf((await session.follow(res)).body);
    const expected = translate(locale, 'help.repair.awaiting_portal_steps.store_inactive', { provider: 'Deliveroo', stores: 'Sevilla Centro', count: 1, account: 'casa-lola-roo' });
    expect(answer.replace(/\u00a0/g, ' ')).toContain(expected.replace(/\u00a0/g, ' '));
    expect(answer).toContain(translate(locale, 'page.assistant.talk'));
  });

  it('gives a user who may not reconnect the read-only path', async () => {
    const marco = new PageSession(api.app);
    await marco.signIn(lola.orgId, lola.viewer);
    const page = textOf((await ask(marco, 'Deliveroo says my store is inactive')).body);
    expect(page).toContain('Deliveroo still shows Sevilla Centro as inactive; here are the steps.');
    expect(page).toContain('Only people who manage integrations can reconnect it or confirm a fix: Lola Martín.');
    expect(page).not.toContain('I have completed these steps');
  });

  it("shows each session its own conversation, and a merchant only their organization's repairs", async () => {
    const lolaSession = new PageSession(api.app);
    await lolaSession.signIn(lola.orgId, lola.owner);
    const first = textOf((await ask(lolaSession, 'Deliveroo says my store is inactive')).body);
    expect(first).toContain('Sevilla Centro');

    const theirs = new PageSession(api.app);
    await theirs.signIn(other.orgId, other.owner);
    const page = await theirs.get('/support/assistant');
    expect(textOf(page.body)).not.toContain('Deliveroo says my store is inactive');
    const answer = textOf((await ask(theirs, 'Deliveroo says my store is inactive')).body);
    expect(answer).toContain('Bilbao Indautxu');
    expect(answer).not.toContain('Sevilla Centro');
    expect(answer).not.toContain('casa-lola');
  });

  it('refuses a form without its CSRF token', async () => {
    const session = new PageSession(api.app);
    await session.get('/support/assistant');
    const res = await session.post('/support/assistant', { question: 'help', _csrf: 'forged' });
    expect(res.statusCode).toBe(403);
  });

  it('in a session opened for one repair, mentions that repair only and hands over to its ticket form', async () => {
    const scoped = new PageSession(api.app);
    await scoped.signIn(lola.orgId, lola.owner, lola.repairs['casa-lola-ue']);
    const page = await ask(scoped, 'my orders stopped arriving');
    expect(textOf(page.body)).toContain('casa-lola-ue');
    expect(textOf(page.body)).not.toContain('casa-lola-roo');
    expect(page.body.replaceAll('&#x3D;', '=')).toContain(`href="/repairs/${lola.repairs['casa-lola-ue']}/support?from=assistant"`);
  });

  it('answers a visitor who is not signed in from the articles alone, and sends them to sign in to talk to a person', async () => {
    const visitor = new PageSession(api.app);
    const page = await ask(visitor, 'Deliveroo says my store is inactive');
    expect(page.body).toContain('<ol class="steps">');
    expect(textOf(page.body)).not.toContain('Sevilla Centro');
    expect(page.body.replaceAll('&#x3D;', '=')).toContain('href="/sign-in?next=%2Fsupport%2Ftickets%2Fnew"');
  });
});

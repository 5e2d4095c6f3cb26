// The words and numbers a merchant's screens show, in real Chromium against the whole stack: a healthy
// connection has stores (not affected ones), buttons and outcomes follow the resolution, a user who may
// not reconnect is told up front what they can do, and the support response time has one source.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { User } from '../../core/db/entities/index.js';
import { auth } from '../helpers/api.js';
import { accessibilityViolations, screenshot } from '../helpers/browser.js';
import { useBrowserStack } from '../helpers/browser-stack.js';
import { completeContacts, errorCode, report, sandboxAccount, setUpMerchant, startRepairStack, type MerchantSetup } from '../helpers/repair-stack.js';

const { stack, newPage } = useBrowserStack(() =>
  // Not the default 24: every text about the response time must read this setting.
  startRepairStack({ env: { TICKET_FIRST_RESPONSE_BUSINESS_HOURS: '36', PROVIDER_TIMEOUT_MS: '15000' }, listen: true }),
);

const base = () => stack().config.publicUrl;

/** Lola may reconnect, Marco may only look (the dev seed's two users). */
async function merchant(provider: string, sandbox: Record<string, unknown>): Promise<MerchantSetup> {
  const m = await setUpMerchant(stack(), { provider, stores: 2 });
  const em = stack().db.orm.em.fork();
  await em.nativeUpdate(User, { id: m.owner }, { name: 'Lola Martín' });
  await em.nativeUpdate(User, { id: m.viewer }, { name: 'Marco Rossi' });
  await completeContacts(stack(), m.orgId, m.owner);
  await sandboxAccount(stack(), provider, m.accountRef, { password: 'correct-horse', ...sandbox });
  return m;
}

/** Another connection of the organization, on both of its stores. */
async function connect(m: MerchantSetup, provider: string, sandbox: Record<string, unknown>): Promise<string> {
  await sandboxAccount(stack(), provider, `${m.accountRef}-${provider}`, { password: 'correct-horse', ...sandbox });
  const res = await stack().app.inject({ method: 'POST', url: '/v1/connections', payload: { orgId: m.orgId, provider, accountRef: `${m.accountRef}-${provider}`, storeIds: m.storeIds }, headers: auth() });
  return res.json<{ id: string }>().id;
}

async function signedIn(m: MerchantSetup, userId: string): Promise<Page> {
  const page = await newPage({ locale: 'en-GB', viewport: { width: 1280, height: 860 } });
  const res = await stack().app.inject({ method: 'POST', url: `/v1/orgs/${m.orgId}/users/${userId}/sign-in-links`, payload: {}, headers: auth() });
  await page.goto(res.json<{ url: string }>().url);
  await page.waitForURL(`${base()}/`);
  return page;
}

describe('numbers and words that are true', () => {
  it('a healthy connection lists its stores, a broken one its affected stores; a paused store is fixed, not reconnected', async () => {
    const m = await merchant('deliveroo', { storeStatus: 'inactive' });
    await connect(m, 'doordash', {});
    const { repairId } = await report(stack(), m.connectionId, errorCode('deliveroo', 'invalid_store_config', 'store_inactive'));
    const page = await signedIn(m, m.owner);
    await page.goto(`${base()}/settings/integrations`);
    const healthy = page.getByRole('row', { name: /DoorDash/ });
    await expect.poll(() => healthy.textContent()).toContain('Healthy');
    expect(await healthy.textContent()).toContain('2 stores');
    expect(await healthy.textContent()).not.toMatch(/affected/i);
    const broken = page.getByRole('row', { name: /Deliveroo/ });
    expect(await broken.textContent()).toContain('2 affected stores');
    // Portal steps are not a reconnection: the button says what the page holds.
    expect(await broken.getByRole('link', { name: /^Reconnect/ }).count()).toBe(0);
    await screenshot(page, 'integrations-healthy-and-broken');
    expect(await accessibilityViolations(page)).toEqual([]);
    await broken.getByRole('link', { name: /^See the steps: Deliveroo/ }).click();
    await page.getByRole('heading', { name: 'Fix it in Deliveroo Partner Hub' }).waitFor();
    await sandboxAccount(stack(), 'deliveroo', m.accountRef, { storeStatus: 'active' });
    await page.getByRole('button', { name: 'I have completed these steps' }).click();
    await page.getByRole('heading', { name: 'Your stores are back' }).waitFor();
    expect(await page.textContent('body')).not.toMatch(/reconnected|connected again/i);
    expect(page.url()).toContain(repairId);
    await screenshot(page, 'portal-done');
  });
});

describe('a user who may not reconnect', () => {
  it('is told up front who can, with a way to ask them, and gets the read-only steps', async () => {
    const m = await merchant('uber_eats', { secondFactor: 'none' });
    const { repairId } = await report(stack(), m.connectionId, errorCode('uber_eats', 'invalid_credentials'));
    await report(stack(), await connect(m, 'deliveroo', { storeStatus: 'inactive' }), errorCode('deliveroo', 'invalid_store_config', 'store_inactive'));
    const owner = (await stack().db.orm.em.fork().findOneOrFail(User, { id: m.owner })).email;
    const page = await signedIn(m, m.viewer);

    await page.goto(`${base()}/repairs`);
    const list = page.getByRole('dialog', { name: 'Accounts that need repair' });
    expect(await list.textContent()).toContain('Only people who manage integrations can reconnect an account or confirm a fix: Lola Martín.');
    // Not "Repair each account below", which he may not do.
    expect(await list.textContent()).not.toContain('Repair each account');
    expect(await list.getByRole('link', { name: /^Reconnect/ }).count()).toBe(0);
    await screenshot(page, 'viewer-repairs');
    await list.getByRole('link', { name: /^Who can reconnect: Uber Eats/ }).click();

    // The seed's Unauthorized answer stays; the screen says what to do about it.
    const unauthorized = page.getByRole('dialog', { name: 'You are not allowed to reconnect this account' });
    await unauthorized.waitFor();
    expect(await unauthorized.textContent()).toContain('Ask one of them to reconnect it; the e-mail links to this page.');
    const ask = unauthorized.getByRole('link', { name: 'Ask Lola Martín' });
    const href = (await ask.getAttribute('href'))!;
    expect(href.startsWith(`mailto:${owner}?subject=`)).toBe(true);
    expect(decodeURIComponent(href)).toContain(`${base()}/repairs/${repairId}`);
    expect(await page.locator('input[type=password]').count()).toBe(0);
    await screenshot(page, 'viewer-unauthorized');
    expect(await accessibilityViolations(page)).toEqual([]);

    await unauthorized.getByRole('link', { name: 'OK' }).click();
    await page.getByRole('dialog', { name: 'Accounts that need repair' }).getByRole('link', { name: /^Learn more: Deliveroo/ }).click();
    const learnMore = page.getByRole('dialog', { name: 'How to fix Deliveroo' });
    await learnMore.waitFor();
    const text = (await learnMore.textContent())!;
    expect(text).toContain('Only people who manage integrations can confirm the fix here. When the steps are done, tell one of them; the e-mail links to this page.');
    // No step sends him to a button he does not have.
    expect(text).not.toContain('I have completed these steps');
    expect(await learnMore.getByRole('listitem').count()).toBeGreaterThan(3);
    expect(await learnMore.getByRole('link', { name: 'Ask Lola Martín' }).count()).toBe(1);
    await screenshot(page, 'viewer-learn-more');

    await page.goto(`${base()}/settings/integrations`);
    await page.getByRole('row', { name: /Uber Eats/ }).waitFor();
    expect(await page.getByRole('link', { name: /^Reconnect/ }).count()).toBe(0);
  });
});

describe('the support response time', () => {
  it('reads the ticket setting everywhere it is said', async () => {
    const m = await merchant('uber_eats', {});
    const page = await signedIn(m, m.owner);
    await page.goto(`${base()}/support`);
    expect(await page.textContent('main')).toContain('Within 36 business hours');
    await page.goto(`${base()}/support/tickets/new`);
    expect(await page.textContent('main')).toContain('A person answers within 36 business hours.');
    await page.goto(`${base()}/help/articles/support-hours?locale=es`);
    const article = (await page.textContent('main'))!;
    expect(article).toContain('36 horas laborables');
    expect(article).not.toMatch(/\b48\b/);
  });
});

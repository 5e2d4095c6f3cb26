// A merchant in real Chromium against the whole stack (API over HTTP, worker, Temporal, PostgreSQL,
// provider sandbox, mail sink): every repair flow as a person walks it, in several languages, at phone
// width, by keyboard, checked by axe-core. Screenshots of each main screen go to test-output/screenshots/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { User } from '../../core/db/entities/index.js';
import { translationsOf } from '../../core/i18n/index.js';
import { auth } from '../helpers/api.js';
import { accessibilityViolations, fitsWidth, screenshot } from '../helpers/browser.js';
import { useBrowserStack } from '../helpers/browser-stack.js';
import { completeContacts, errorCode, eventually, lastCode, report, sandboxAccount, setUpMerchant, startRepairStack, type MerchantSetup } from '../helpers/repair-stack.js';
import { startSinks } from '../helpers/sinks.js';
import { useStarted } from '../helpers/lifecycle.js';

const sinks = useStarted(startSinks);
const { stack, newPage: pageWith } = useBrowserStack(() =>
  // A short alert window, so the alert e-mail (and its link) arrives within a test.
  startRepairStack({ env: { ...sinks().env, ALERT_WINDOW_MS: '300', PROVIDER_TIMEOUT_MS: '15000' }, listen: true }),
);

const base = () => stack().config.publicUrl;

/** A merchant organization with named people, complete contacts and its sandbox account. */
async function merchant(provider: string, sandbox: Record<string, unknown>, options: { stores?: number; contacts?: boolean; locale?: string } = {}): Promise<MerchantSetup> {
  const m = await setUpMerchant(stack(), { provider, stores: options.stores ?? 2, locale: options.locale });
  const em = stack().db.orm.em.fork();
  await em.nativeUpdate(User, { id: m.owner }, { name: 'Lola Martín', permissions: ['integrations:view', 'integrations:reconnect', 'contacts:edit', 'users:invite', 'support:chat'] });
  await em.nativeUpdate(User, { id: m.viewer }, { name: 'Marco Rossi' });
  if (options.contacts !== false) await completeContacts(stack(), m.orgId, m.owner);
  await sandboxAccount(stack(), provider, m.accountRef, { password: 'correct-horse', ...sandbox });
  return m;
}

const newPage = (options: { locale?: string; width?: number } = {}): Promise<Page> => pageWith({ locale: options.locale ?? 'en-GB', viewport: { width: options.width ?? 1280, height: 860 } });

/** Signs in the production way: the API mints a link for the backend's logged-in user. */
async function signIn(page: Page, m: MerchantSetup, userId = m.owner): Promise<void> {
  const res = await stack().app.inject({ method: 'POST', url: `/v1/orgs/${m.orgId}/users/${userId}/sign-in-links`, payload: {}, headers: auth() });
  await page.goto(res.json<{ url: string }>().url);
  await page.waitForURL(`${base()}/`);
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

describe('reconnect: from the widget to a healthy integration', () => {
  it('Repair now → Reconnect → wrong password → credentials → code from the sandbox → Done', async () => {
    const m = await merchant('uber_eats', { secondFactor: 'sms' });
    await report(stack(), m.connectionId, errorCode('uber_eats', 'invalid_credentials'));
    const page = await newPage();
    await signIn(page, m);

    const widget = page.getByRole('region', { name: 'Disconnected channels' });
    await expect.poll(() => widget.textContent()).toContain('2 stores are not receiving delivery orders');
    await screenshot(page, 'home-widget');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Repair now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Accounts that need repair' });
    await dialog.getByText('2 affected stores').click();
    await dialog.getByText('Kitchen 2 · Brand 2', { exact: true }).waitFor();
    await screenshot(page, 'repair-dialog');
    await expectAccessible(page);

    await dialog.getByRole('link', { name: /^Reconnect: Uber Eats/ }).click();
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('field-username');
    await screenshot(page, 'credentials');
    await expectAccessible(page);

    // By keyboard: type, Tab to the password, Enter submits.
    await page.keyboard.type(m.accountRef);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Uber Eats did not accept this username and password' }).waitFor();
    expect(await page.getByLabel('Username or e-mail').inputValue()).toBe(m.accountRef);
    await screenshot(page, 'credentials-refused');

    await page.getByLabel('Password').fill('correct-horse');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Enter the verification code' }).waitFor();
    await screenshot(page, 'verification-code');
    await expectAccessible(page);

    await page.getByRole('textbox', { name: 'Verification code' }).fill('000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').filter({ hasText: 'That code is not right' }).waitFor();
    await page.getByRole('textbox', { name: 'Verification code' }).fill(await lastCode(stack(), 'uber_eats', m.accountRef));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Account reconnected' }).waitFor();
    await screenshot(page, 'done');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Done' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Disconnected channels' }).textContent()).toContain('Every delivery channel is connected');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connected integrations' }).click();
    const row = page.getByRole('row', { name: /Uber Eats/ });
    await expect.poll(() => row.textContent()).toContain('Healthy');
    await screenshot(page, 'integrations-healthy');
    await expectAccessible(page);
  });
});

describe('merchant-portal steps, opened from the alert e-mail', () => {
  it('completed while still inactive → unresolved banner → fixed in the portal → healthy', async () => {
    const m = await merchant('deliveroo', { storeStatus: 'inactive' });
    await report(stack(), m.connectionId, errorCode('deliveroo', 'invalid_store_config', 'store_inactive'));
    const owner = (await stack().db.orm.em.fork().findOneOrFail(User, { id: m.owner })).email;
    const mail = await eventually(sinks().mails, (mails) => mails.some((x) => x.to.some((t) => t.address === owner)));
    const link = /https?:\/\/\S+\/r\/[\w.-]+/.exec(mail.find((x) => x.to.some((t) => t.address === owner))!.text ?? '')![0];

    const page = await newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Fix it in Deliveroo Partner Hub' }).waitFor();
    expect(await page.getByRole('list').filter({ hasText: 'Partner Hub' }).first().getByRole('listitem').count()).toBeGreaterThan(2);
    await screenshot(page, 'portal-steps');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'I have completed these steps' }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'The problem is still there.' });
    await banner.waitFor();
    expect(await banner.getByRole('link', { name: 'Contact support' }).count()).toBe(1);
    await screenshot(page, 'portal-unresolved');
    await expectAccessible(page);

    await sandboxAccount(stack(), 'deliveroo', m.accountRef, { storeStatus: 'active' });
    await page.getByRole('button', { name: 'I have completed these steps' }).click();
    await page.getByRole('heading', { name: 'Your stores are back' }).waitFor();
    // The alert's link opened this repair only; the organization's pages need a full sign-in.
    await page.goto(`${base()}/settings/integrations`);
    await page.getByRole('heading', { name: 'This link opens one repair' }).waitFor();
    await signIn(page, m);
    await page.goto(`${base()}/settings/integrations`);
    await expect.poll(() => page.getByRole('row', { name: /Deliveroo/ }).textContent()).toContain('Healthy');
  });

  it('a new error after the steps switches to Reconnect', async () => {
    const m = await merchant('deliveroo', { storeStatus: 'inactive' });
    const { repairId } = await report(stack(), m.connectionId, errorCode('deliveroo', 'invalid_store_config', 'store_inactive'));
    const page = await newPage();
    await signIn(page, m);
    await page.goto(`${base()}/repairs/${repairId}`);
    // The merchant reactivates the store, and the provider now asks for a second factor.
    await sandboxAccount(stack(), 'deliveroo', m.accountRef, { storeStatus: 'active', secondFactor: 'sms' });
    await page.getByRole('button', { name: 'I have completed these steps' }).click();
    await page.getByRole('heading', { name: 'Reconnect Deliveroo' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Deliveroo now reports another problem' }).count()).toBe(1);
    await screenshot(page, 'portal-new-error-reconnect');
    await page.getByLabel('Username or e-mail').fill(m.accountRef);
    await page.getByLabel('Password').fill('correct-horse');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('textbox', { name: 'Verification code' }).fill(await lastCode(stack(), 'deliveroo', m.accountRef));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Account reconnected' }).waitFor();
  });

  it('“I’ll do it later” goes back to the list and says when we will remind', async () => {
    const m = await merchant('deliveroo', { storeStatus: 'inactive' });
    const { repairId } = await report(stack(), m.connectionId, errorCode('deliveroo', 'invalid_store_config', 'store_inactive'));
    const page = await newPage();
    await signIn(page, m);
    await page.goto(`${base()}/repairs/${repairId}`);
    await page.getByRole('button', { name: 'I’ll do it later' }).click();
    await page.getByRole('status').filter({ hasText: 'We will remind you on' }).waitFor();
    expect(page.url()).toBe(`${base()}/repairs`);
  });
});

describe('a user without the permission', () => {
  it('gets Unauthorized for a re-authentication and Learn more for portal steps', async () => {
    const m = await merchant('uber_eats', { secondFactor: 'none' });
    await report(stack(), m.connectionId, errorCode('uber_eats', 'invalid_credentials'));
    const portal = await setUpMerchantConnection(m, 'deliveroo');
    await report(stack(), portal, errorCode('deliveroo', 'invalid_store_config', 'store_inactive'));
    const page = await newPage();
    await signIn(page, m, m.viewer);
    await page.goto(`${base()}/repairs`);
    const dialog = page.getByRole('dialog', { name: 'Accounts that need repair' });
    await dialog.getByRole('link', { name: /^Who can reconnect: Uber Eats/ }).click();
    const unauthorized = page.getByRole('dialog', { name: 'You are not allowed to reconnect this account' });
    await unauthorized.waitFor();
    expect(await unauthorized.textContent()).toContain('Lola Martín');
    expect(await page.locator('input[type=password]').count()).toBe(0);
    await screenshot(page, 'unauthorized');
    await expectAccessible(page);

    await unauthorized.getByRole('link', { name: 'OK' }).click();
    await page.getByRole('dialog', { name: 'Accounts that need repair' }).getByRole('link', { name: /^Learn more: Deliveroo/ }).click();
    const learnMore = page.getByRole('dialog', { name: 'How to fix Deliveroo' });
    await learnMore.waitFor();
    expect(await learnMore.getByRole('button', { name: 'I have completed these steps' }).count()).toBe(0);
    expect(await learnMore.getByRole('listitem').count()).toBeGreaterThan(2);
    await screenshot(page, 'learn-more');
  });
});

/** A second connection of the organization, for another provider and the first store. */
async function setUpMerchantConnection(m: MerchantSetup, provider: string): Promise<string> {
  await sandboxAccount(stack(), provider, `${m.accountRef}-2`, { password: 'correct-horse', storeStatus: 'inactive' });
  const res = await stack().app.inject({ method: 'POST', url: '/v1/connections', payload: { orgId: m.orgId, provider, accountRef: `${m.accountRef}-2`, storeIds: [m.storeIds[0]] }, headers: auth() });
  return res.json<{ id: string }>().id;
}

describe('languages', () => {
  it('follows the browser (Spanish) and the switcher (French)', async () => {
    const m = await merchant('uber_eats', { secondFactor: 'none' });
    await report(stack(), m.connectionId, errorCode('uber_eats', 'invalid_credentials'));
    const es = translationsOf('es');
    const fr = translationsOf('fr');
    const page = await newPage({ locale: 'es-ES' });
    await signIn(page, m);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await page.getByRole('region', { name: es['page.widget.title'] }).waitFor();
    await screenshot(page, 'home-es');

    await page.getByRole('navigation', { name: es['page.layout.language'] }).getByRole('link', { name: 'Français' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('link', { name: fr['page.widget.repairNow'] }).click();
    await page.getByRole('dialog', { name: fr['page.repairs.title'] }).waitFor();
    await page.getByRole('link', { name: new RegExp(`^${fr['page.action.reconnect']}: Uber Eats`) }).click();
    await page.getByRole('heading', { name: fr['page.credentials.title']!.replace('{provider}', 'Uber Eats') }).waitFor();
    await screenshot(page, 'credentials-fr');
    await expectAccessible(page);
  });
});

describe('on a phone', () => {
  it('every main screen fits a 375 px wide screen', async () => {
    const m = await merchant('deliveroo', { storeStatus: 'inactive' }, { stores: 3 });
    const { repairId } = await report(stack(), m.connectionId, errorCode('deliveroo', 'invalid_store_config', 'store_inactive'));
    const page = await newPage({ width: 375 });
    await signIn(page, m);
    for (const [name, path] of [['home', '/'], ['repair-dialog', '/repairs'], ['portal-steps', `/repairs/${repairId}`], ['integrations', '/settings/integrations'], ['contacts', '/settings/contacts'], ['support', '/support']] as const) {
      await page.goto(`${base()}${path}`);
      expect(await fitsWidth(page), name).toBe(true);
      await screenshot(page, `phone-${name}`);
    }
  });
});

describe('live status', () => {
  it('a repair page refreshes itself, without a reload, while someone else verifies the account', async () => {
    const m = await merchant('uber_eats', { secondFactor: 'sms', latencyMs: 5000 });
    const { repairId } = await report(stack(), m.connectionId, errorCode('uber_eats', 'invalid_credentials'));
    const watcher = await newPage();
    await signIn(watcher, m);
    await watcher.goto(`${base()}/repairs/${repairId}`);
    await watcher.evaluate('window.__sameDocument = true');

    const actor = await newPage();
    await signIn(actor, m);
    await actor.goto(`${base()}/repairs/${repairId}`);
    await actor.getByLabel('Username or e-mail').fill(m.accountRef);
    await actor.getByLabel('Password').fill('correct-horse');
    // The pairing takes 5 s at the provider, and the actor's click returns only once the form's answer
    // (after the pairing) has loaded: the watcher must see the check while the click is under way.
    await Promise.all([
      watcher.getByRole('heading', { name: 'Checking the connection' }).waitFor(),
      actor.getByRole('button', { name: 'Continue' }).click(),
    ]);
    await screenshot(watcher, 'verifying');
    await watcher.getByRole('heading', { name: 'Enter the verification code' }).waitFor({ timeout: 30_000 });
    expect(await watcher.evaluate('window.__sameDocument === true')).toBe(true);
  });
});

describe('contact details', () => {
  it('the mandatory dialog stays until the details are complete; its Users tab invites the right person', async () => {
    const m = await merchant('uber_eats', { secondFactor: 'none' }, { contacts: false });
    const page = await newPage();
    await signIn(page, m);
    const dialog = page.getByRole('region', { name: 'Complete your contact details' });
    await dialog.waitFor();
    expect(await page.getByRole('region', { name: 'Disconnected channels' }).count()).toBe(0);
    await screenshot(page, 'contacts-dialog');
    await expectAccessible(page);

    await dialog.getByRole('tab', { name: 'Users' }).click();
    await dialog.getByRole('tabpanel', { name: 'Users' }).getByLabel('E-mail').fill('ops.manager@example.com');
    await screenshot(page, 'contacts-dialog-users');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('status').filter({ hasText: 'Invitation sent to ops.manager@example.com' }).waitFor();
    await eventually(sinks().mails, (mails) => mails.some((x) => x.to.some((t) => t.address === 'ops.manager@example.com')));

    await page.getByRole('link', { name: 'Fill in contact details' }).click();
    const group = (name: string) => page.getByRole('group', { name, exact: true });
    await page.getByLabel(/Lola Martín/).check();
    for (const [section, person] of [
      ['Emergency technical contacts 1', 'oncall'],
      ['Non-emergency technical contacts 1', 'tech'],
      ['Operations contact for merchant issues 1', 'ops'],
      ['Operations contact for our team 1', 'platform'],
    ] as const) {
      await group(section).getByLabel('Name').fill(`Casa ${person}`);
      await group(section).getByLabel('E-mail').fill(`${person}@casa.example`);
    }
    await page.getByRole('group', { name: 'Support contact shared with customers' }).getByLabel('E-mail').fill('hola@casa.example');
    const hours = group('Support hours 1');
    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await hours.getByLabel(day).check();
    await hours.getByLabel('From (HH:MM)').fill('09:00');
    await hours.getByLabel(/^To/).fill('23:00');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Contact details saved' }).waitFor();
    await screenshot(page, 'contacts-saved');

    await page.goto(`${base()}/`);
    await page.getByRole('region', { name: 'Disconnected channels' }).waitFor();
  });
});

describe('keyboard', () => {
  it('Escape closes a dialog, and Tab stays inside it', async () => {
    const m = await merchant('uber_eats', { secondFactor: 'none' });
    await report(stack(), m.connectionId, errorCode('uber_eats', 'invalid_credentials'));
    const page = await newPage();
    await signIn(page, m);
    await page.goto(`${base()}/repairs`);
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate('Boolean(document.activeElement.closest("[role=dialog]"))'), `tab ${i}`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await page.waitForURL(`${base()}/`);
  });
});

// Settings → Contact details in real Chromium: each contact chooses how their phone gets alerts
// (SMS, WhatsApp or both); WhatsApp without a phone is refused beside the field and nothing is
// saved; the saved choice is what the API returns and what the form shows again.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { User } from '../../core/db/entities/index.js';
import { auth } from '../helpers/api.js';
import { accessibilityViolations, screenshot } from '../helpers/browser.js';
import { useBrowserStack } from '../helpers/browser-stack.js';
import { completeContacts, setUpMerchant, startRepairStack, type MerchantSetup } from '../helpers/repair-stack.js';

const { stack, newPage } = useBrowserStack(() => startRepairStack({ listen: true }));

async function merchant(): Promise<MerchantSetup> {
  const m = await setUpMerchant(stack(), { provider: 'uber_eats', stores: 1 });
  await stack().db.orm.em.fork().nativeUpdate(User, { id: m.owner }, { name: 'Lola Martín', phone: '+34600111222', permissions: ['integrations:view', 'contacts:edit'] });
  await completeContacts(stack(), m.orgId, m.owner);
  return m;
}

async function signedIn(m: MerchantSetup, locale = 'en-GB'): Promise<Page> {
  const page = await newPage({ locale, viewport: { width: 1280, height: 860 } });
  const res = await stack().app.inject({ method: 'POST', url: `/v1/orgs/${m.orgId}/users/${m.owner}/sign-in-links`, payload: {}, headers: auth() });
  await page.goto(res.json<{ url: string }>().url);
  await page.goto(`${stack().config.publicUrl}/settings/contacts`);
  return page;
}

const saved = async (orgId: string) =>
  (await stack().app.inject({ method: 'GET', url: `/v1/orgs/${orgId}/contacts`, headers: auth() })).json<{ alertContacts: { userId: string; messaging?: string }[]; emergencyTechnical: { phone?: string; messaging?: string }[]; nonEmergencyTechnical: { messaging?: string }[] }>();

describe('the phone channel on the contact details page', () => {
  it('lets each contact choose SMS, WhatsApp or both, refuses WhatsApp without a phone beside the field, and saves the choice', async () => {
    const m = await merchant();
    const page = await signedIn(m);
    const channel = 'Alerts on the phone by';
    const lola = page.locator('li.alert-contact', { hasText: 'Lola Martín' });
    expect(await lola.getByLabel(channel).inputValue()).toBe('sms');
    await lola.getByLabel(channel).selectOption({ label: 'WhatsApp' });
    const emergency = page.getByRole('group', { name: 'Emergency technical contacts 1', exact: true });
    await emergency.getByLabel('Phone (optional)', { exact: true }).fill('+34600333444');
    await emergency.getByLabel(channel).selectOption({ label: 'SMS and WhatsApp' });
    const tech = page.getByRole('group', { name: 'Non-emergency technical contacts 1', exact: true });
    await tech.getByLabel(channel).selectOption({ label: 'WhatsApp' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();

    // No phone for WhatsApp: said beside that contact's choice, and nothing was saved.
    const refused = page.getByRole('group', { name: 'Non-emergency technical contacts 1', exact: true });
    await refused.getByText('WhatsApp needs a mobile number: add the phone first.').waitFor();
    expect(await refused.getByLabel(channel).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'contacts-whatsapp-needs-phone');
    expect((await saved(m.orgId)).alertContacts).toEqual([{ userId: m.owner }]);
    // What was chosen is still chosen on the page returned.
    expect(await page.locator('li.alert-contact', { hasText: 'Lola Martín' }).getByLabel(channel).inputValue()).toBe('whatsapp');

    await refused.getByLabel('Phone (optional)', { exact: true }).fill('+34600555666');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Contact details saved' }).waitFor();
    const contacts = await saved(m.orgId);
    expect(contacts.alertContacts).toEqual([{ userId: m.owner, messaging: 'whatsapp' }]);
    expect(contacts.emergencyTechnical[0]).toMatchObject({ phone: '+34600333444', messaging: 'both' });
    expect(contacts.nonEmergencyTechnical[0]).toMatchObject({ messaging: 'whatsapp' });
    expect(await page.getByRole('group', { name: 'Emergency technical contacts 1', exact: true }).getByLabel(channel).inputValue()).toBe('both');
    await screenshot(page, 'contacts-whatsapp-saved');
  });

  it('speaks the merchant’s language: the choice in Spanish', async () => {
    const m = await merchant();
    const page = await signedIn(m, 'es-ES');
    const select = page.locator('li.alert-contact', { hasText: 'Lola Martín' }).getByLabel('Alertas en el teléfono por');
    expect(await select.locator('option').allTextContents()).toEqual(['SMS', 'WhatsApp', 'SMS y WhatsApp']);
  });
});

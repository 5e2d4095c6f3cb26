// Planned closures and the contact confirmation in real Chromium: a merchant plans a closure at phone
// width by keyboard (a mistake is shown beside its field), and an organization whose contacts were
// last confirmed long ago meets the mandatory dialog listing its emergency contacts until it confirms.
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { LocationClosure, OrgContacts, User } from '../../core/db/entities/index.js';
import { auth } from '../helpers/api.js';
import { accessibilityViolations, fitsWidth, screenshot } from '../helpers/browser.js';
import { useBrowserStack } from '../helpers/browser-stack.js';
import { completeContacts, setUpMerchant, startRepairStack, type MerchantSetup } from '../helpers/repair-stack.js';

const { stack, newPage: pageWith } = useBrowserStack(() => startRepairStack({ listen: true }));

async function merchant(locale = 'en'): Promise<MerchantSetup> {
  const m = await setUpMerchant(stack(), { provider: 'glovo', stores: 2, locale });
  const em = stack().db.orm.em.fork();
  await em.nativeUpdate(User, { id: m.owner }, { name: 'Lola Martín', permissions: ['integrations:view', 'integrations:reconnect', 'contacts:edit', 'support:chat'] });
  await completeContacts(stack(), m.orgId, m.owner);
  return m;
}

const newPage = (locale: string, width = 375): Promise<Page> => pageWith({ locale, viewport: { width, height: 800 } });

async function signIn(page: Page, m: MerchantSetup, userId = m.owner): Promise<void> {
  const res = await stack().app.inject({ method: 'POST', url: `/v1/orgs/${m.orgId}/users/${userId}/sign-in-links`, payload: {}, headers: auth() });
  await page.goto(res.json<{ url: string }>().url);
  await page.waitForURL(`${stack().config.publicUrl}/`);
}

const local = (days: number) => DateTime.now().setZone('Europe/Madrid').plus({ days }).startOf('day').toFormat("yyyy-MM-dd'T'HH:mm");

describe('planned closures in the pages', () => {
  it('plans a closure in Spanish at 375 px by keyboard; a reopening before the start is refused beside its field', async () => {
    const m = await merchant('es');
    const page = await newPage('es-ES');
    await signIn(page, m);
    await page.getByRole('link', { name: 'Cierres previstos' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Cierres previstos');
    expect(await page.getByText('No hay cierres previstos.').count()).toBe(1);

    await page.getByLabel('Ubicación').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByLabel('Motivo').selectOption('renovation');
    await page.getByLabel('Cerrado desde').fill(local(5));
    await page.getByLabel('Vuelve a abrir el').fill(local(3));
    await page.getByLabel('Nota (opcional)').fill('Cocina nueva');
    await page.getByLabel('Nota (opcional)').press('Enter');
    await expect.poll(() => page.getByText('La reapertura debe ser posterior al inicio').count()).toBe(1);
    expect(await page.getByLabel('Vuelve a abrir el').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Nota (opcional)').inputValue()).toBe('Cocina nueva');

    await page.getByLabel('Vuelve a abrir el').fill(local(9));
    await page.getByRole('button', { name: 'Guardar cierre' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Cierre guardado');
    expect(await page.locator('[data-closure]').textContent()).toContain('Obras');
    expect(await fitsWidth(page)).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'closures-es-375');

    const saved = await stack().db.orm.em.fork().find(LocationClosure, { org: m.orgId });
    expect(saved.map((c) => [c.reason, c.startsLocal, c.endsLocal, c.timezone, c.createdBy, c.note])).toEqual([['renovation', local(5), local(9), 'Europe/Madrid', m.owner, 'Cocina nueva']]);

    await page.getByRole('button', { name: 'Anular' }).click();
    await expect.poll(() => page.getByText('No hay cierres previstos.').count()).toBe(1);
  });
});

describe('contacts stay true', () => {
  it('shows the emergency contacts in the mandatory dialog once confirmation is due, until someone confirms', async () => {
    const m = await merchant('en');
    await stack().db.orm.em.fork().nativeUpdate(OrgContacts, { org: m.orgId }, { confirmedAt: new Date(Date.now() - 91 * 86_400_000) });

    const viewer = await newPage('en-GB');
    await signIn(viewer, m, m.viewer);
    await expect.poll(() => viewer.getByRole('heading', { level: 1 }).textContent()).toBe('Are these contacts still right?');
    expect(await viewer.locator('[data-emergency-contacts]').textContent()).toContain(`oncall-${m.orgId}@example.com`);
    expect(await viewer.getByRole('button', { name: 'Yes, they are still right' }).count()).toBe(0);
    expect(await viewer.getByText('You cannot confirm them yourself').count()).toBe(1);

    const page = await newPage('en-GB');
    await signIn(page, m);
    expect(await page.getByText('Every 90 days we ask you to check your contact details').count()).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'contacts-confirm-dialog-375');
    await page.getByRole('button', { name: 'Yes, they are still right' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('your contact details are confirmed');
    expect(await page.getByRole('heading', { name: 'Are these contacts still right?' }).count()).toBe(0);

    const row = await stack().db.orm.em.fork().findOneOrFail(OrgContacts, { org: m.orgId });
    expect(row.confirmedBy).toBe(m.owner);
    expect(Date.now() - row.confirmedAt!.getTime()).toBeLessThan(3600_000);
    const api = await stack().app.inject({ method: 'GET', url: `/v1/orgs/${m.orgId}/contacts`, headers: auth() });
    expect(api.json()).toMatchObject({ confirmation: { confirmedBy: m.owner, due: false } });
  });
});

// "I'm on it" seen where the merchant looks, in real Chromium against the whole stack: the alert SMS
// lands in the SMS sink, its page's Reply button answers "1" (Twilio's signed inbound request to
// the listening API), and the repair page says who took the repair in hand, and when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { User } from '../../core/db/entities/index.js';
import { formatDateTime } from '../../core/i18n/index.js';
import { auth } from '../helpers/api.js';
import { accessibilityViolations, launchChromium, screenshot } from '../helpers/browser.js';
import { createAlertingMerchant } from '../helpers/alerting-merchant.js';
import { startSinks, TEST_TWILIO, type Sinks } from '../helpers/sinks.js';
import { errorCode, eventually, repairDetail, report, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let sinks: Sinks;
let stack: RepairStack;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  sinks = await startSinks();
  stack = await startRepairStack({ listen: true, env: { ...sinks.env, ALERT_WINDOW_MS: '500', TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid, TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken } });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.close();
  await sinks?.close();
});

describe('the acknowledgement on the repair page', () => {
  it('after "1" from the sink, the repair page says who is on it, and since when', async () => {
    const phone = '+34600000911';
    const m = await createAlertingMerchant(stack, { name: 'Casa Visible', phone, email: 'visible@example.com' });
    await stack.db.orm.em.fork().nativeUpdate(User, { id: m.userId }, { name: 'Lola Martín', permissions: ['integrations:view', 'integrations:reconnect'] });
    const opened = await report(stack, m.connections[0]!, errorCode('deliveroo', 'invalid_credentials'));
    await eventually(async () => sinks.sms.filter((s) => s.to === phone), (l) => l.length === 1, 30_000);

    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 860 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    // The phone answers from the sink's own page, as a developer would.
    await page.goto(sinks.env.TWILIO_API_BASE_URL!);
    await page.getByRole('row', { name: new RegExp(phone.replace('+', '\\+')) }).getByRole('button', { name: 'Reply' }).click();
    await page.getByText(/Thanks, Lola Martín: the Deliveroo repair is yours/).waitFor();

    const link = await stack.app.inject({ method: 'POST', url: `/v1/orgs/${m.orgId}/users/${m.userId}/sign-in-links`, payload: {}, headers: auth() });
    await page.goto(link.json<{ url: string }>().url);
    await page.goto(`${stack.config.publicUrl}/repairs/${opened.repairId}`);
    const notice = page.getByRole('status').filter({ hasText: 'is on it' });
    await expect.poll(() => notice.textContent()).toContain('Lola Martín is on it');
    // When, on the organization's clock (Europe/Madrid), as the API recorded it.
    const acknowledgedAt = (await repairDetail(stack, opened.repairId)) as unknown as { acknowledgedAt: string };
    expect(await notice.textContent()).toContain(`they answered the alert on ${formatDateTime('en', acknowledgedAt.acknowledgedAt, 'Europe/Madrid')}.`);
    await screenshot(page, 'repair-acknowledged');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

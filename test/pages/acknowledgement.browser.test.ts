// "I'm on it" seen where the merchant looks, in real Chromium against the whole stack: the alert SMS
// lands in the SMS sink, its page's Reply button answers "1" (Twilio's signed inbound request to
// the listening API), and the repair page says who took the repair in hand, and when.
import { describe, expect, it } from 'vitest';
import { User } from '../../core/db/entities/index.js';
import { formatDateTime } from '../../core/i18n/index.js';
import { auth } from '../helpers/api.js';
import { accessibilityViolations, screenshot } from '../helpers/browser.js';
import { useBrowserStack } from '../helpers/browser-stack.js';
import { createAlertingMerchant } from '../helpers/alerting-merchant.js';
import { startSinks, TEST_TWILIO } from '../helpers/sinks.js';
import { useStarted } from '../helpers/lifecycle.js';
import { errorCode, eventually, repairDetail, report, startRepairStack } from '../helpers/repair-stack.js';

const sinks = useStarted(startSinks);
const { stack, newPage, pageErrors } = useBrowserStack(() =>
  startRepairStack({ listen: true, env: { ...sinks().env, ALERT_WINDOW_MS: '500', TWILIO_ACCOUNT_SID: TEST_TWILIO.accountSid, TWILIO_AUTH_TOKEN: TEST_TWILIO.authToken } }),
);

describe('the acknowledgement on the repair page', () => {
  it('after "1" from the sink, the repair page says who is on it, and since when', async () => {
    const phone = '+34600000911';
    const m = await createAlertingMerchant(stack(), { name: 'Casa Visible', phone, email: 'visible@example.com' });
    await stack().db.orm.em.fork().nativeUpdate(User, { id: m.userId }, { name: 'Lola Martín', permissions: ['integrations:view', 'integrations:reconnect'] });
    const opened = await report(stack(), m.connections[0]!, errorCode('deliveroo', 'invalid_credentials'));
    await eventually(async () => sinks().sms.filter((s) => s.to === phone), (l) => l.length === 1, 30_000);

    const page = await newPage({ locale: 'en-GB', viewport: { width: 1280, height: 860 } });
    page.setDefaultTimeout(15_000);
    // The phone answers from the sink's own page, as a developer would.
    await page.goto(sinks().env.TWILIO_API_BASE_URL!);
    await page.getByRole('row', { name: new RegExp(phone.replace('+', '\\+')) }).getByRole('button', { name: 'Reply' }).click();
    await page.getByText(/Thanks, Lola Martín: the Deliveroo repair is yours/).waitFor();

    const link = await stack().app.inject({ method: 'POST', url: `/v1/orgs/${m.orgId}/users/${m.userId}/sign-in-links`, payload: {}, headers: auth() });
    await page.goto(link.json<{ url: string }>().url);
    await page.goto(`${stack().config.publicUrl}/repairs/${opened.repairId}`);
    const notice = page.getByRole('status').filter({ hasText: 'is on it' });
    await expect.poll(() => notice.textContent()).toContain('Lola Martín is on it');
    // When, on the organization's clock (Europe/Madrid), as the API recorded it.
    const acknowledgedAt = (await repairDetail(stack(), opened.repairId)) as unknown as { acknowledgedAt: string };
    expect(await notice.textContent()).toContain(`they answered the alert on ${formatDateTime('en', acknowledgedAt.acknowledgedAt, 'Europe/Madrid')}.`);
    await screenshot(page, 'repair-acknowledged');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(pageErrors()).toEqual([]);
  });
});

// Alerts to a contact who chose WhatsApp, on the real stack (API on a socket, worker, Temporal,
// PostgreSQL): the real twilio client sends the approved template to `whatsapp:+…` in the SMS sink,
// which shows it apart from SMS; Twilio's signed status callbacks move its delivery row as they do
// for SMS; support hours hold it as they hold SMS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { Notification } from '../../core/db/entities/index.js';
import { ruleFor } from '../../core/providers/index.js';
import { developmentContentSid } from '../../templates/whatsapp/content-sids.js';
import { createAlertingMerchant } from '../helpers/alerting-merchant.js';
import { startSinks, type Sinks } from '../helpers/sinks.js';
import { eventually, report, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let sinks: Sinks;
let stack: RepairStack;
beforeAll(async () => {
  sinks = await startSinks();
  stack = await startRepairStack({ listen: true, env: { ...sinks.env, ALERT_WINDOW_MS: '300' } });
});
afterAll(async () => {
  await stack?.close();
  await sinks?.close();
});

const inactive = ruleFor('deliveroo', 'invalid_store_config', 'store_inactive')!.code;
let seq = 0;
const newPhone = (ending?: string) => `+3460${String(Date.now() % 100_000).padStart(5, '1')}${ending ?? String((seq += 1) % 10).repeat(4)}`;
const rows = (orgId: string, channel: 'sms' | 'whatsapp') => stack.db.orm.em.fork().find(Notification, { org: orgId, channel });

describe('an alert to a contact who chose WhatsApp', () => {
  it('goes out as the approved Spanish template through the twilio client; the callbacks mark it delivered; SMS goes too when they chose both', async () => {
    const phone = newPhone();
    const m = await createAlertingMerchant(stack, { name: 'Casa Lola Group', locale: 'es', stores: 1, phone, email: `wa-${phone.slice(1)}@example.com`, messaging: 'both' });
    await report(stack, m.connections[0]!, inactive);
    const [whatsapp] = await eventually(async () => sinks.sms.filter((s) => s.to === `whatsapp:${phone}`), (list) => list.length === 1);
    expect(whatsapp).toMatchObject({ channel: 'whatsapp', contentSid: developmentContentSid('action_needed', 'es'), template: 'repair_action_needed_es' });
    expect(whatsapp!.body).toMatch(/^Acción necesaria en Casa Lola Group: Local 01 · Churros Ñam no recibe pedidos de Deliveroo\. Reparar ahora: https?:\/\/\S+\/r\/[0-9a-z]{12}\n/);
    await eventually(async () => sinks.sms.filter((s) => s.to === phone && s.channel === 'sms'), (list) => list.length === 1);
    // sent, delivered, then read: the log says delivered (read is delivered, for the log).
    const [row] = await eventually(() => rows(m.orgId, 'whatsapp'), (list) => list.length === 1 && list[0]!.status === 'delivered');
    expect(row).toMatchObject({ recipient: phone, providerId: whatsapp!.sid, locale: 'es', template: 'action_needed' });
    await eventually(async () => sinks.sms.find((s) => s.sid === whatsapp!.sid)!.callbacks, (callbacks) => callbacks.length === 3);
    expect(sinks.sms.find((s) => s.sid === whatsapp!.sid)!.callbacks.map((c) => [c.status, c.answer])).toEqual([['sent', 204], ['delivered', 204], ['read', 204]]);
    expect((await rows(m.orgId, 'whatsapp'))[0]!.status).toBe('delivered');
    // The log keeps the variables without the link's code, as it keeps SMS text.
    expect(row!.content!.whatsapp!.variables['4']).toMatch(/\/r\/\[redacted\]$/);
    expect(await rows(m.orgId, 'sms')).toHaveLength(1);
  });

  it('sends no SMS to a contact who chose WhatsApp only, and records Twilio’s failure for a number not on WhatsApp', async () => {
    const phone = newPhone('0000');
    const m = await createAlertingMerchant(stack, { name: 'Trattoria Sole', locale: 'it', stores: 1, phone, email: `wa-${phone.slice(1)}@example.com`, messaging: 'whatsapp' });
    await report(stack, m.connections[0]!, inactive);
    const [row] = await eventually(() => rows(m.orgId, 'whatsapp'), (list) => list.length === 1 && list[0]!.status === 'failed');
    expect(row!.error).toBe('Twilio 63003');
    expect(sinks.sms.filter((s) => s.to === phone)).toEqual([]);
    expect(await rows(m.orgId, 'sms')).toEqual([]);
  });

  it('is held outside support hours, like SMS, keeping its template to send at the opening', async () => {
    const opening = DateTime.now().setZone('Europe/Madrid').plus({ days: 3 });
    const hours = [{ days: [opening.toFormat('ccc').toLowerCase()], from: '10:00', to: '11:00', timezone: 'Europe/Madrid' }];
    const phone = newPhone();
    const m = await createAlertingMerchant(stack, { name: 'Pastelaria Sol', locale: 'pt', stores: 1, phone, email: `wa-${phone.slice(1)}@example.com`, messaging: 'whatsapp', hours });
    await report(stack, m.connections[0]!, inactive);
    const [held] = await eventually(() => rows(m.orgId, 'whatsapp'), (list) => list.length === 1);
    expect(held).toMatchObject({ status: 'held', recipient: phone });
    expect(held!.content!.whatsapp).toMatchObject({ kind: 'action_needed', locale: 'pt' });
    expect(held!.content!.whatsapp!.variables['4']).toMatch(/\/r\/[0-9a-z]{12}$/);
    expect(sinks.sms.filter((s) => s.to === `whatsapp:${phone}`)).toEqual([]);
  });
});

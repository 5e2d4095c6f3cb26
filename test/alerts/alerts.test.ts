// Alerts over the real channels: Twilio client → SMS sink (with signed status callbacks), SMTP → MailDev,
// ESC/POS over TCP → printer sink. Grouping, support hours and mandatory contacts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { ruleFor } from '../../core/providers/index.js';
import { signTwilioRequest } from '../../activities/channels/twilio-signature.js';
import { auth } from '../helpers/api.js';
import { createAlertingMerchant, type AlertingMerchantOptions } from '../helpers/alerting-merchant.js';
import { startSinks, TEST_TWILIO, type Sinks } from '../helpers/sinks.js';
import { eventually, repairDetail, report, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';
import { Notification } from '../../core/db/entities/index.js';
import { orgNotifierWorkflowId } from '../../workflows/org-notifier/messages.js';
import { recordHistory } from '../helpers/histories.js';
import { ALERT_LINK_TTL_SECONDS } from '../../core/secrets/repair-links.js';
import { resolveShortLink } from '../../core/secrets/short-links.js';

let sinks: Sinks;
let stack: RepairStack;
beforeAll(async () => {
  sinks = await startSinks();
  stack = await startRepairStack({ listen: true, env: { ...sinks.env, ALERT_WINDOW_MS: '4000' } });
});
afterAll(async () => {
  await stack?.close();
  await sinks?.close();
});

const merchant = (options: AlertingMerchantOptions) => createAlertingMerchant(stack, options);

const inactive = ruleFor('deliveroo', 'invalid_store_config', 'store_inactive')!.code;

describe('alerts', () => {
  it('sends the right e-mail and SMS in the recipient\'s language, and tracks delivery from signed callbacks', async () => {
    const m = await merchant({ name: 'Churrería Élodie', locale: 'es', userLocale: 'fr', stores: 1, phone: '+33612345678', email: 'elodie@example.com', printer: sinks.printerAddress });
    const opened = await report(stack, m.connections[0]!, inactive);

    const mail = await eventually(sinks.mails, (all) => all.some((x) => x.to.some((t) => t.address === 'elodie@example.com')));
    const mine = mail.find((x) => x.to.some((t) => t.address === 'elodie@example.com'))!;
    expect(mine.subject).toBe('Action requise\u00a0: Deliveroo est déconnecté');
    expect(mine.html).toContain('<html lang="fr">');
    expect(mine.html).toContain('Local 01');
    expect(mine.text).toContain('/r/');

    const sms = await eventually(async () => sinks.sms.filter((s) => s.to === '+33612345678'), (list) => list.length === 1);
    expect(sms[0]!.body).toContain('Churrería Élodie');
    expect(sms[0]!.body).toContain('Réparer');

    const detail = await eventually(
      () => repairDetail(stack, opened.repairId),
      (d) => (d as unknown as { messages: { channel: string; status: string }[] }).messages.some((x) => x.channel === 'sms' && x.status === 'delivered'),
    );
    const messages = (detail as unknown as { messages: { channel: string; recipient: string; locale: string; template: string }[] }).messages;
    expect(messages.map((x) => [x.channel, x.recipient, x.locale])).toEqual(
      expect.arrayContaining([
        ['email', 'elodie@example.com', 'fr'],
        ['sms', '+33612345678', 'fr'],
      ]),
    );
    const ticket = await eventually(async () => sinks.tickets(), (t) => t.length > 0);
    expect(ticket[0]!.text).toContain('Local 01');
    expect(ticket[0]!.text).toContain('Churrería Élodie');
    const preview = await stack.app.inject({ method: 'GET', url: `/v1/repairs/${opened.repairId}/ticket?locale=pt`, headers: auth() });
    expect(preview.headers['content-type']).toMatch(/text\/html/);
    expect(preview.body).toContain('ALERTA DE LIGAÇÃO DE ENTREGAS');
  });

  it('groups 50 disconnections of one organization into one e-mail listing all 50 stores', async () => {
    const m = await merchant({ name: 'Grupo Cincuenta', locale: 'es', userLocale: 'es', stores: 50, phone: '+34600000050', email: 'cincuenta@example.com' });
    await Promise.all(m.connections.map((c) => report(stack, c, inactive)));
    const mails = await eventually(sinks.mails, (all) => all.some((x) => x.to.some((t) => t.address === 'cincuenta@example.com')), 30_000);
    // Give a second window the chance to (wrongly) send more.
    await new Promise((r) => setTimeout(r, 5000));
    const ours = (await sinks.mails()).filter((x) => x.to.some((t) => t.address === 'cincuenta@example.com'));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.subject).toBe('Acción necesaria: 50 tiendas desconectadas');
    for (let i = 1; i <= 50; i += 1) expect(ours[0]!.html).toContain(`Local ${String(i).padStart(2, '0')}`);
    expect(sinks.sms.filter((s) => s.to === '+34600000050')).toHaveLength(1);
    expect(mails.length).toBeGreaterThan(0);
    // The notifier's history (50 alert requests grouped into one delivery) for the replay test.
    await recordHistory(stack.temporal, orgNotifierWorkflowId(m.orgId), 'org-notifier-grouped-alert');
  });

  it('holds SMS outside support hours but still sends the e-mail', async () => {
    const madridNow = DateTime.now().setZone('Europe/Madrid');
    const closedSlot = madridNow.plus({ hours: 12 });
    const hours = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: closedSlot.toFormat('HH:00'), to: closedSlot.plus({ hours: 1 }).toFormat('HH:00') === '00:00' ? '24:00' : closedSlot.plus({ hours: 1 }).toFormat('HH:00'), timezone: 'Europe/Madrid' }];
    const m = await merchant({ name: 'Noche Cerrada', locale: 'it', userLocale: 'it', stores: 1, phone: '+393401234567', email: 'notte@example.com', hours });
    const opened = await report(stack, m.connections[0]!, inactive);
    await eventually(sinks.mails, (all) => all.some((x) => x.to.some((t) => t.address === 'notte@example.com')));
    const detail = await eventually(
      () => repairDetail(stack, opened.repairId),
      (d) => (d as unknown as { messages: { channel: string; status: string }[] }).messages.some((x) => x.channel === 'sms'),
    );
    const sms = (detail as unknown as { messages: { channel: string; status: string; sendAfter: string }[] }).messages.find((x) => x.channel === 'sms')!;
    expect(sms.status).toBe('held');
    expect(Date.parse(sms.sendAfter)).toBeGreaterThan(Date.now());
    expect(sinks.sms.filter((s) => s.to === '+393401234567')).toHaveLength(0);
  });

  it('a held SMS carries a link that still works for the full alert-link lifetime once it is sent', async () => {
    // Open one hour a week, five days from now: the SMS waits longer than a link's lifetime.
    const opening = DateTime.now().setZone('Europe/Madrid').plus({ days: 5 });
    const hours = [{ days: [opening.toFormat('ccc').toLowerCase()], from: '10:00', to: '11:00', timezone: 'Europe/Madrid' }];
    const m = await merchant({ name: 'Solo Lunes', locale: 'es', userLocale: 'es', stores: 1, phone: '+34600111222', email: 'lunes@example.com', hours });
    await report(stack, m.connections[0]!, inactive);
    const held = await eventually(() => stack.db.orm.em.fork().findOne(Notification, { org: m.orgId, channel: 'sms', status: 'held' }), (x) => x !== null);
    // The SMS carries a short code standing for the signed link: it expires with it.
    const code = /\/r\/([\w.-]+)/.exec(held!.content!.text)![1]!;
    const claims = await resolveShortLink(stack.db.orm.em.fork(), code);
    expect(claims).not.toBeNull();
    expect(claims!.exp * 1000).toBeGreaterThanOrEqual(held!.sendAfter!.getTime() + (ALERT_LINK_TTL_SECONDS - 60) * 1000);
  });

  it('notifies nobody beyond the dashboard while contacts are incomplete, and says why', async () => {
    const m = await merchant({ name: 'Sin Contactos', locale: 'pt', userLocale: 'pt', stores: 1, phone: '+351912345678', email: 'semcontactos@example.com', contacts: 'none' });
    const opened = await report(stack, m.connections[0]!, inactive);
    const detail = await eventually(
      () => repairDetail(stack, opened.repairId),
      (d) => (d as unknown as { notificationsBlocked: unknown }).notificationsBlocked !== null,
    );
    expect((detail as unknown as { notificationsBlocked: { reason: string; missing: string[] } }).notificationsBlocked).toMatchObject({ reason: 'contacts_incomplete' });
    expect((await sinks.mails()).some((x) => x.to.some((t) => t.address === 'semcontactos@example.com'))).toBe(false);
  });
});

describe('Twilio status callbacks', () => {
  const url = () => `${stack.config.publicUrl}/v1/webhooks/twilio/status`;
  const params = { MessageSid: 'SMdoesnotexist', MessageStatus: 'delivered', AccountSid: TEST_TWILIO.accountSid };

  it('refuses a forged callback with 401', async () => {
    const res = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' }, body: new URLSearchParams(params).toString() });
    expect(res.status).toBe(401);
    const unsigned = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params).toString() });
    expect(unsigned.status).toBe(401);
  });

  it('accepts a genuine one', async () => {
    const res = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TEST_TWILIO.authToken, url(), params) },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(204);
  });
});

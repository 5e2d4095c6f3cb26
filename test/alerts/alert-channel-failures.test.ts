// Nothing stalls an organization's notifier: a number Twilio refuses for good fails once (the
// others still go out, later alerts still flow), and a channel that is down for a while is retried
// until it is back, or, past the retry budget, recorded failed where operators see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { Notification } from '../../core/db/entities/index.js';
import { ruleFor } from '../../core/providers/index.js';
import { createAlertingMerchant, type AlertingMerchantOptions } from '../helpers/alerting-merchant.js';
import { startSinks, type Sinks } from '../helpers/sinks.js';
import { eventually, report, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';
import { samplesOf, sumOf } from '../helpers/prometheus-text.js';

let sinks: Sinks;
let stack: RepairStack;
beforeAll(async () => {
  sinks = await startSinks();
  // Six attempts 300 ms apart, doubling: a channel down for a couple of seconds is waited for, one
  // down for good is given up on within ten seconds.
  stack = await startRepairStack({ env: { ...sinks.env, ALERT_WINDOW_MS: '500', ALERT_RETRY_INITIAL_MS: '300', ALERT_RETRY_ATTEMPTS: '6' } });
});
afterAll(async () => {
  await stack?.close();
  await sinks?.close();
});

const inactive = ruleFor('deliveroo', 'invalid_store_config', 'store_inactive')!.code;

const merchant = (options: AlertingMerchantOptions) => createAlertingMerchant(stack, options);

const notificationsOf = (orgId: string) => stack.db.orm.em.fork().find(Notification, { org: orgId }, { orderBy: { createdAt: 'asc' } });
const mailTo = async (address: string) => (await sinks.mails()).filter((m) => m.to.some((t) => t.address === address));

describe('a number Twilio refuses for good', () => {
  it('fails that message once, sends the others, and later alerts still flow (sent now)', async () => {
    const landline = '+34910000001';
    sinks.smsSink.behaviour.refuse.set(landline, 21614);
    const m = await merchant({ name: 'Fijo Ahora', phone: landline, email: 'fijo-ahora@example.com', storePhone: '+34600000101', stores: 2 });
    await report(stack, m.connections[0]!, inactive);
    await eventually(async () => sinks.sms.filter((s) => s.to === '+34600000101'), (l) => l.length === 1);
    const failed = await eventually(() => notificationsOf(m.orgId), (all) => all.some((x) => x.recipient === landline && x.status === 'failed'));
    const refusedMessage = failed.find((x) => x.recipient === landline)!;
    // A generic reason: the code names the cause, Twilio's wording (and the number) stay out.
    expect(refusedMessage.error).toBe('refused for good by the SMS provider (code 21614)');
    expect(sinks.smsSink.refused.filter((r) => r.to === landline)).toHaveLength(1);

    await report(stack, m.connections[1]!, inactive);
    await eventually(() => mailTo('fijo-ahora@example.com'), (l) => l.length === 2);
    await eventually(async () => sinks.sms.filter((s) => s.to === '+34600000101'), (l) => l.length === 2);
  });

  it('fails a held SMS once at the opening, releases the other held ones, and later alerts still flow', async () => {
    const landline = '+34910000002';
    sinks.smsSink.behaviour.refuse.set(landline, 21614);
    // Support hours open at the next minute: both SMS are held until then, e-mail goes at once.
    const opening = DateTime.now().setZone('Europe/Madrid').plus({ minutes: 1 }).startOf('minute');
    const hours = opening.hour === 0 && opening.minute === 0 ? undefined : [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: opening.toFormat('HH:mm'), to: '24:00', timezone: 'Europe/Madrid' }];
    const m = await merchant({ name: 'Fijo Luego', phone: landline, email: 'fijo-luego@example.com', storePhone: '+34600000102', stores: 2, hours });
    await report(stack, m.connections[0]!, inactive);
    await eventually(async () => sinks.sms.filter((s) => s.to === '+34600000102'), (l) => l.length === 1, 90_000);
    const all = await eventually(() => notificationsOf(m.orgId), (list) => list.some((x) => x.recipient === landline && x.status === 'failed'));
    expect(all.find((x) => x.recipient === landline)!.error).toBe('refused for good by the SMS provider (code 21614)');
    expect(sinks.smsSink.refused.filter((r) => r.to === landline)).toHaveLength(1);

    await report(stack, m.connections[1]!, inactive);
    await eventually(() => mailTo('fijo-luego@example.com'), (l) => l.length === 2);
    await eventually(async () => sinks.sms.filter((s) => s.to === '+34600000102'), (l) => l.length === 2);
  }, 120_000);

  it.each([21211, 21610] as const)('treats Twilio error %i as final too', async (code) => {
    const number = `+3491000${code}`;
    sinks.smsSink.behaviour.refuse.set(number, code);
    const m = await merchant({ name: `Refused ${code}`, phone: number, email: `refused-${code}@example.com` });
    await report(stack, m.connections[0]!, inactive);
    const all = await eventually(() => notificationsOf(m.orgId), (list) => list.some((x) => x.recipient === number && x.status === 'failed'));
    expect(all.find((x) => x.recipient === number)!.error).toBe(`refused for good by the SMS provider (code ${code})`);
    expect(sinks.smsSink.refused.filter((r) => r.to === number)).toHaveLength(1);
  });
});

describe('a channel that is down for a while', () => {
  it('retries SMS, e-mail and the printer until they are back, then sends', async () => {
    sinks.smsSink.behaviour.outageStatus = 503;
    await sinks.mailDown();
    await sinks.printerDown();
    try {
      const m = await merchant({ name: 'Todo Caido', phone: '+34600000201', email: 'caido@example.com', printer: sinks.printerAddress });
      await report(stack, m.connections[0]!, inactive);
      // Every channel has been tried and refused at least once; none is given up on.
      const tried = await eventually(() => notificationsOf(m.orgId), (list) => ['email', 'sms', 'ticket'].every((c) => list.some((x) => x.channel === c && x.error !== null)));
      expect(tried.filter((x) => x.status === 'failed')).toEqual([]);
      expect(tried.find((x) => x.channel === 'sms')!.error).toBe('the SMS provider is unavailable for now (HTTP 503); retrying');
    } finally {
      sinks.smsSink.behaviour.outageStatus = null;
      await sinks.mailUp();
      await sinks.printerUp();
    }
    await eventually(async () => sinks.sms.filter((s) => s.to === '+34600000201'), (l) => l.length === 1);
    await eventually(() => mailTo('caido@example.com'), (l) => l.length === 1);
    await eventually(async () => sinks.tickets().filter((t) => t.text.includes('Todo Caido')), (l) => l.length === 1);
  });

  it('gives up after the retry budget: recorded failed with a generic reason, and later alerts still flow', async () => {
    const m = await merchant({ name: 'Caido Siempre', phone: '+34600000301', email: 'siempre@example.com', stores: 2 });
    sinks.smsSink.behaviour.outageStatus = 503;
    try {
      await report(stack, m.connections[0]!, inactive);
      await eventually(() => mailTo('siempre@example.com'), (l) => l.length === 1);
      const all = await eventually(() => notificationsOf(m.orgId), (list) => list.some((x) => x.channel === 'sms' && x.status === 'failed'), 60_000);
      expect(all.find((x) => x.channel === 'sms')!.error).toBe('gave up after repeated temporary failures: the SMS provider is unavailable for now (HTTP 503)');
    } finally {
      sinks.smsSink.behaviour.outageStatus = null;
    }
    await report(stack, m.connections[1]!, inactive);
    await eventually(() => mailTo('siempre@example.com'), (l) => l.length === 2);
    await eventually(async () => sinks.sms.filter((s) => s.to === '+34600000301'), (l) => l.length === 1);
  }, 90_000);
});

describe('the worker\'s alert counts', () => {
  it('match the delivery log after all those retries: each message counted once, sent or failed', async () => {
    const compare = async () => {
      const log = await stack.db.orm.em.fork().find(Notification, {});
      const samples = await samplesOf(stack.workerMetrics);
      return ['email', 'sms', 'ticket'].flatMap((channel) => [
        { channel, status: 'sent', logged: log.filter((x) => x.channel === channel && ['sent', 'delivered'].includes(x.status)).length, counted: sumOf(samples, 'repair_alerts_total', { channel, status: 'sent' }) },
        { channel, status: 'failed', logged: log.filter((x) => x.channel === channel && x.status === 'failed').length, counted: sumOf(samples, 'repair_alerts_total', { channel, status: 'failed' }) },
      ]);
    };
    // Polled: the last alerts of the tests above may still be being saved.
    const counts = await eventually(compare, (rows) => rows.every((r) => r.logged === r.counted));
    expect(counts.find((r) => r.channel === 'sms' && r.status === 'failed')!.counted).toBeGreaterThan(0);
  });
});

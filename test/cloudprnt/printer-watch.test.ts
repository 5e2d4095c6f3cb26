// A cloud printer that stops polling is a merchant alert: on the time-skipping server, a printer
// polls once and goes quiet; after the configured silence its merchant gets one e-mail and SMS,
// nothing more while it stays quiet, and one "back" message when it polls again. A printer that
// never polled (not set up yet) alerts nobody.
import { describe, expect, it } from 'vitest';
import { Notification } from '../../core/db/entities/index.js';
import { createAlertingMerchant } from '../helpers/alerting-merchant.js';
import { basic, registerPrinter, storesOf, type RegisteredPrinter } from '../helpers/cloudprnt-printer.js';
import { startSinks } from '../helpers/sinks.js';
import { useStarted } from '../helpers/lifecycle.js';
import { eventually } from '../helpers/repair-stack.js';
import { useTimeSkippingStack } from '../helpers/time-skipping-stack.js';
import { recordHistory } from '../helpers/histories.js';
import { printerWatchWorkflowId } from '../../workflows/printer-watch/messages.js';

const sinks = useStarted(startSinks);
const { env, stack } = useTimeSkippingStack(() => ({ ...sinks().env, PRINTER_STALE_AFTER_MS: String(10 * 60_000), PRINTER_CHECK_EVERY_MS: '60000' }));

const MINUTE = 60_000;

const poll = (printer: RegisteredPrinter) =>
  stack().app.inject({ method: 'POST', url: '/cloudprnt', headers: { authorization: basic(printer.username, printer.password) }, payload: { printerMAC: printer.mac, statusCode: '200%20OK' } });

const printerMessages = async (orgId: string) =>
  (await stack().db.orm.em.fork().find(Notification, { org: orgId, template: { $like: 'printer_%' } }, { orderBy: { createdAt: 'asc' } })).map((n) => `${n.template} ${n.channel} ${n.status}`);

async function merchant(name: string, email: string, phone: string) {
  const m = await createAlertingMerchant(stack(), { name, locale: 'it', stores: 1, phone, email });
  const [storeId] = await storesOf(stack().app, m.orgId);
  return { m, printer: await registerPrinter(stack().app, m.orgId, storeId!) };
}

describe('a printer that stops polling', () => {
  it('is told once when it goes quiet, and once when it is back', async () => {
    const quiet = await merchant('Pizzeria Zoë', 'zoe@example.com', '+393331112222');
    const never = await merchant('Trattoria Mai', 'mai@example.com', '+393331113333');
    expect((await poll(quiet.printer)).statusCode).toBe(200);

    await env().sleep(5 * MINUTE);
    expect(await printerMessages(quiet.m.orgId)).toEqual([]);

    await env().sleep(10 * MINUTE);
    const offline = ['printer_offline email sent', 'printer_offline sms sent'];
    await eventually(() => printerMessages(quiet.m.orgId), (list) => list.length === 2);
    expect(await printerMessages(quiet.m.orgId)).toEqual(offline);
    const mail = await eventually(sinks().mails, (all) => all.some((x) => x.to.some((t) => t.address === 'zoe@example.com')));
    const told = mail.find((x) => x.to.some((t) => t.address === 'zoe@example.com'))!;
    expect(told.subject).toBe('La stampante degli scontrini di Local 01 è offline');
    expect(told.text).toContain('10 minuti');
    expect(sinks().sms.find((s) => s.to === '+393331112222')?.body).toContain('Pizzeria Zoë');

    // Still quiet half an hour later: no second "offline".
    await env().sleep(30 * MINUTE);
    expect(await printerMessages(quiet.m.orgId)).toEqual(offline);

    expect((await poll(quiet.printer)).statusCode).toBe(200);
    await env().sleep(2 * MINUTE);
    await eventually(() => printerMessages(quiet.m.orgId), (list) => list.length === 4);
    expect(await printerMessages(quiet.m.orgId)).toEqual([...offline, 'printer_back email sent', 'printer_back sms sent']);
    const back = await eventually(sinks().mails, (all) => all.some((x) => x.subject.includes('di nuovo online')));
    expect(back.find((x) => x.subject.includes('di nuovo online'))!.to[0]!.address).toBe('zoe@example.com');

    expect(await printerMessages(never.m.orgId)).toEqual([]);
    await recordHistory(stack().temporal, printerWatchWorkflowId(quiet.printer.id), 'printer-watch-offline-back');
  });
});

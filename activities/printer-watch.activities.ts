// What the printer watch reads and sends: a printer's poll count, and the "offline" / "back" message
// to the organization's alert contacts (e-mail, and SMS to their phones and the store's phones).
import { log } from '@temporalio/activity';
import { Location, Org, OrgContacts, Printer, Store, User } from '../core/db/entities/index.js';
import type { Orm } from '../core/db/orm.js';
import { pickLocale } from '../core/providers/index.js';
import { translate } from '../core/i18n/index.js';
import type { PrinterAlertState, PrinterPolls } from '../workflows/printer-watch/messages.js';
import type { AlertChannels } from './alerts/alert-channels.js';
import { retryIfQueued, sendLogged } from './alerts/send-logged.js';
import { activityKey } from './records.activities.js';

export interface PrinterWatchDependencies {
  orm: Orm;
  channels: AlertChannels;
}

export interface PrinterAlertInput {
  printerId: string;
  state: PrinterAlertState;
  /** How long the printer has been silent, for the "offline" text. */
  minutes: number;
}

interface Recipient {
  channel: 'email' | 'sms';
  address: string;
  locale: string;
}

export function createPrinterWatchActivities(d: PrinterWatchDependencies) {
  return {
    async readPrinterPolls({ printerId }: { printerId: string }): Promise<PrinterPolls> {
      const printer = await d.orm.em.fork().findOne(Printer, { id: printerId });
      return printer ? { pollCount: printer.pollCount } : null;
    },

    async alertPrinterState(input: PrinterAlertInput): Promise<{ sent: number }> {
      const em = d.orm.em.fork();
      const printer = await em.findOne(Printer, { id: input.printerId });
      if (!printer) return { sent: 0 };
      const [org, store, contacts] = await Promise.all([em.findOneOrFail(Org, { id: printer.org }), em.findOneOrFail(Store, { id: printer.store }), em.findOne(OrgContacts, { org: printer.org })]);
      const location = (await em.findOneOrFail(Location, { id: store.location })).name;
      const users = await em.find(User, { id: { $in: (contacts?.alertContacts ?? []).map((c) => c.userId) } });
      const recipients: Recipient[] = [
        ...users.flatMap((u) => [{ channel: 'email' as const, address: u.email, locale: pickLocale([u.locale, org.locale]) }, ...(u.phone ? [{ channel: 'sms' as const, address: u.phone, locale: pickLocale([u.locale, org.locale]) }] : [])]),
        ...(store.alertPhones ?? []).map((phone) => ({ channel: 'sms' as const, address: phone, locale: pickLocale([org.locale]) })),
      ].filter((r, i, all) => all.findIndex((o) => o.channel === r.channel && o.address === r.address) === i);
      if (recipients.length === 0) log.warn('printer alert has no recipient', { printerId: printer.id, state: input.state });
      const values = { orgName: org.name, location, minutes: input.minutes };
      const logged = [];
      for (const r of recipients) {
        const template = `printer_${input.state}`;
        const content = r.channel === 'email'
          ? { subject: translate(r.locale, `printer.subject.${input.state}`, values), text: translate(r.locale, `printer.body.${input.state}`, values) }
          : { text: translate(r.locale, `sms.${template}`, values) };
        const row = { org: org.id, repairIds: [], channel: r.channel, recipient: r.address, template, locale: r.locale };
        const send = r.channel === 'email' ? () => d.channels.sendEmail({ to: [r.address], subject: content.subject ?? '', text: content.text }) : () => d.channels.sendSms({ to: r.address, body: content.text });
        logged.push(await sendLogged(em, `${activityKey()}/${r.channel}/${r.address}`, row, content, send));
      }
      log.info('printer state told', { printerId: printer.id, storeId: store.id, state: input.state, recipients: recipients.length });
      retryIfQueued(logged);
      return { sent: logged.filter((m) => m.status === 'sent').length };
    },
  };
}

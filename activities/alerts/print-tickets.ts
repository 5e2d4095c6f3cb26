// "Action needed" also prints at the stores that have a receipt printer: one ticket per repair,
// store and printer, naming only that store, logged like any other message. A cloud printer
// (CloudPRNT) gets it queued for its next poll; a printer at a `host:port` (on-premise installs)
// over raw TCP, through the outbound allow-list.
import { DateTime } from 'luxon';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { NotificationRow, RepairRow, StoreRow } from '../../core/db/entities/index.js';
import { pickLocale } from '../../core/providers/index.js';
import { enqueuePrintJob, jobProviderId, printersOfStores } from '../../core/services/printers/print-jobs.js';
import type { AlertKind } from '../../workflows/org-notifier/messages.js';
import { activityKey } from '../records.activities.js';
import type { AlertDependencies } from './alert-dependencies.js';
import type { AlertData, RenderedAlert } from './alert-channels.js';
import type { LoadedOrg } from './loaded-org.js';
import { estimatedLoss, repairLine } from './repair-lines.js';
import { sendLogged } from './send-logged.js';

/** Where one store's ticket goes: its recipient in the delivery log and how it is sent. */
type TicketTarget = { recipient: string; send: (content: RenderedAlert, link: string | undefined, key: string) => Promise<{ providerId: string }> };

function targetsOf(d: AlertDependencies, em: EntityManager, store: StoreRow, cloud: { id: string; store: string }[]): TicketTarget[] {
  const targets: TicketTarget[] = cloud
    .filter((p) => p.store === store.id)
    .map((printer) => ({
      recipient: `cloudprnt:${printer.id}`,
      send: async (content, link, key) => ({ providerId: jobProviderId(await enqueuePrintJob(em, d.secretBox, { printerId: printer.id, ticketKey: key, ticket: { text: content.text, ...(link ? { link } : {}) }, ttlMs: d.printJobTtlMs })) }),
    }));
  const address = store.printerAddress;
  if (address) targets.push({ recipient: address, send: (content, link) => d.channels.printTicket(address, content, link) });
  return targets;
}

/** Prints and logs the tickets (appending them to `logged`); answers how many were printed or queued. */
export async function printTickets(d: AlertDependencies, em: EntityManager, loaded: LoadedOrg, repairs: RepairRow[], kind: AlertKind, logged: NotificationRow[]): Promise<number> {
  let printed = 0;
  const locale = pickLocale([loaded.org.locale]);
  const cloud = await printersOfStores(em, [...loaded.stores.keys()]);
  for (const repair of repairs) {
    for (const storeId of repair.storeIds) {
      const store = loaded.stores.get(storeId);
      const targets = store ? targetsOf(d, em, store, cloud) : [];
      if (!store || targets.length === 0) continue;
      const { estimatedLostRevenue: _wholeConnection, ...line } = repairLine(d, loaded, repair, locale);
      // The ticket names this location's stores only, so its lost sales are theirs, not the connection's.
      const here = repair.storeIds.flatMap((id) => loaded.stores.get(id) ?? []).filter((s) => s.location === store.location);
      // By id: two locations may share a name.
      const stores = line.stores.filter((s) => here.some((h) => h.id === s.storeId));
      const data: AlertData = { orgName: loaded.org.name, repairs: [{ ...line, stores, ...estimatedLoss(repair, here, locale, loaded.org.timezone) }], generatedAt: DateTime.now().toISO() ?? '', timezone: loaded.org.timezone };
      const content = d.channels.render(kind, 'ticket', locale, data);
      for (const target of targets) {
        // The raw-TCP key stays as it was (one printer per store then), so replayed activities find their rows.
        const key = `${activityKey()}/${kind}/ticket/${store.id}/${repair.id}${target.recipient.startsWith('cloudprnt:') ? `/${target.recipient}` : ''}`;
        const row = { org: loaded.org.id, repairIds: [repair.id], channel: 'ticket' as const, recipient: target.recipient, template: kind, locale };
        const message = await sendLogged(em, key, row, content, () => target.send(content, line.link, key), d.metrics);
        logged.push(message);
        if (message.status === 'sent') printed += 1;
      }
    }
  }
  return printed;
}

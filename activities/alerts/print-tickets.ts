// "Action needed" also prints at the stores that have a receipt printer: one ticket per repair and
// store, naming only that store, logged like any other message.
import { DateTime } from 'luxon';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { NotificationRow, RepairRow } from '../../core/db/entities/index.js';
import { pickLocale } from '../../core/providers/index.js';
import type { AlertKind } from '../../workflows/org-notifier/messages.js';
import { activityKey } from '../records.activities.js';
import type { AlertDependencies } from './alert-dependencies.js';
import type { AlertData } from './alert-channels.js';
import type { LoadedOrg } from './loaded-org.js';
import { estimatedLoss, repairLine } from './repair-lines.js';
import { sendLogged } from './send-logged.js';

/** Prints and logs the tickets (appending them to `logged`); answers how many were printed. */
export async function printTickets(d: AlertDependencies, em: EntityManager, loaded: LoadedOrg, repairs: RepairRow[], kind: AlertKind, logged: NotificationRow[]): Promise<number> {
  let printed = 0;
  const locale = pickLocale([loaded.org.locale]);
  for (const repair of repairs) {
    for (const storeId of repair.storeIds) {
      const store = loaded.stores.get(storeId);
      if (!store?.printerAddress) continue;
      const { estimatedLostRevenue: _wholeConnection, ...line } = repairLine(d, loaded, repair, locale);
      // The ticket names this location's stores only, so its lost sales are theirs, not the connection's.
      const here = repair.storeIds.flatMap((id) => loaded.stores.get(id) ?? []).filter((s) => s.location === store.location);
      // By id: two locations may share a name.
      const stores = line.stores.filter((s) => here.some((h) => h.id === s.storeId));
      const data: AlertData = { orgName: loaded.org.name, repairs: [{ ...line, stores, ...estimatedLoss(repair, here, locale, loaded.org.timezone) }], generatedAt: DateTime.now().toISO() ?? '', timezone: loaded.org.timezone };
      const content = d.channels.render(kind, 'ticket', locale, data);
      const key = `${activityKey()}/${kind}/ticket/${store.id}/${repair.id}`;
      const address = store.printerAddress;
      const message = await sendLogged(em, key, { org: loaded.org.id, repairIds: [repair.id], channel: 'ticket', recipient: address, template: kind, locale }, content, () => d.channels.printTicket(address, content, line.link), d.metrics);
      logged.push(message);
      if (message.status === 'sent') printed += 1;
    }
  }
  return printed;
}

// Who hears that someone took a repair in hand: everyone the repair's alerts reached (by SMS or
// e-mail, from the delivery log), except the person who answered. Nobody else needs the news.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Recipient } from './alert-audience.js';

interface LoggedRecipient {
  channel: 'email' | 'sms';
  recipient: string;
  locale: string;
}

export async function acknowledgedAudience(em: EntityManager, repairIds: string[], except: readonly string[]): Promise<Recipient[]> {
  const out = new Map<string, Recipient>();
  for (const repairId of repairIds) {
    const rows = await em.getConnection().execute<LoggedRecipient[]>(
      `select distinct on (channel, recipient) channel, recipient, locale from notifications
        where repair_ids @> ?::jsonb and channel in ('email', 'sms') and template <> 'acknowledged' and status in ('queued', 'held', 'sent', 'delivered')
        order by channel, recipient, created_at desc`,
      [JSON.stringify([repairId])],
    );
    for (const row of rows) {
      if (except.includes(row.recipient)) continue;
      // The news stops people from acting twice: it goes out at once, like an emergency, at any hour.
      out.set(`${row.channel}:${row.recipient.toLowerCase()}`, { channel: row.channel, address: row.recipient, locale: row.locale, emergency: true });
    }
  }
  return [...out.values()];
}

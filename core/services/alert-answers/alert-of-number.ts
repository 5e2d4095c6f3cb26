// Which repairs a reply is about: the last alert texted to that number (the delivery log), its open
// repairs, and who the number is (a user's or a contact's name; the number itself otherwise).
import type { EntityManager } from '@mikro-orm/postgresql';
import { Notification, OrgContacts, Repair, User, type RepairRow } from '../../db/entities/index.js';

export interface AnsweredAlert {
  orgId: string;
  locale: string;
  repairs: RepairRow[];
  /** What the others are told ("Lola"). */
  by: string;
  /** Set when the number is a user's: their links sign them in. */
  userId?: string;
}

export async function alertOfNumber(em: EntityManager, phone: string): Promise<AnsweredAlert | null> {
  // The last alert to that phone on either messaging channel: a reply on WhatsApp may answer an SMS and the other way round.
  const [last] = await em.find(Notification, { recipient: phone, channel: { $in: ['sms', 'whatsapp'] }, status: { $in: ['sent', 'delivered', 'queued'] } }, { orderBy: { createdAt: 'desc' }, limit: 1 });
  if (!last) return null;
  const repairs = await em.find(Repair, { id: { $in: last.repairIds }, resolvedAt: null }, { orderBy: { openedAt: 'asc' } });
  const user = await em.findOne(User, { org: last.org, phone });
  const contacts = user ? null : await em.findOne(OrgContacts, { org: last.org });
  const contact = contacts ? [...contacts.emergencyTechnical, ...contacts.nonEmergencyTechnical].find((c) => c.phone === phone) : undefined;
  const by = user?.name?.trim() || contact?.name?.trim() || phone;
  return { orgId: last.org, locale: last.locale, repairs, by, ...(user ? { userId: user.id } : {}) };
}

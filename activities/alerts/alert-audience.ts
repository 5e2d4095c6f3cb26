// Who hears about what: merchant-facing alerts go to the alert contacts (e-mail, and SMS, WhatsApp or
// both, as each chose, when they have a phone) and to the stores' SMS phones; escalations go to the emergency technical contacts; support
// requests to the operations contact for merchant issues (or the platform's).
import type { OrgContactsRow, PhoneMessaging, UserRow } from '../../core/db/entities/index.js';
import type { AlertKind } from '../../workflows/org-notifier/messages.js';
import type { Channel } from './alert-channels.js';

export interface Recipient {
  channel: Exclude<Channel, 'ticket'>;
  address: string;
  name?: string;
  /** Set when the recipient is a user: their links sign them in. */
  userId?: string;
  locale: string | null;
  /** Emergencies may be texted outside support hours. */
  emergency: boolean;
}

/** The channels a phone gets, as its contact chose (SMS for contacts saved before the choice existed). */
export const phoneChannels = (messaging: PhoneMessaging | undefined): ('sms' | 'whatsapp')[] => (messaging === 'both' ? ['sms', 'whatsapp'] : messaging === 'whatsapp' ? ['whatsapp'] : ['sms']);

const MERCHANT_KINDS: readonly AlertKind[] = ['action_needed', 'reminder', 'reconnected', 'provider_issue'];

export function recipientsFor(kind: AlertKind, contacts: OrgContactsRow, users: UserRow[], storePhones: string[]): Recipient[] {
  const out: Recipient[] = [];
  if (MERCHANT_KINDS.includes(kind)) {
    const byId = new Map(users.map((u) => [u.id, u]));
    for (const { userId, messaging } of contacts.alertContacts) {
      const user = byId.get(userId);
      if (!user) continue;
      const person = { name: user.name ?? undefined, userId: user.id, locale: user.locale ?? null, emergency: false };
      out.push({ channel: 'email', address: user.email, ...person });
      const phone = user.phone;
      if (phone) for (const channel of phoneChannels(messaging)) out.push({ channel, address: phone, ...person });
    }
    // Reconnected needs no text message at the stores; the dashboard and e-mail say it.
    if (kind !== 'reconnected') for (const phone of storePhones) out.push({ channel: 'sms', address: phone, locale: null, emergency: false });
  } else {
    const people = kind === 'support_requested' ? (contacts.merchantOperations.length ? contacts.merchantOperations : contacts.platformOperations) : contacts.emergencyTechnical;
    for (const person of people) {
      out.push({ channel: 'email', address: person.email, name: person.name, locale: null, emergency: kind !== 'support_requested' });
      const phone = person.phone;
      if (phone && kind !== 'support_requested') for (const channel of phoneChannels(person.messaging)) out.push({ channel, address: phone, name: person.name, locale: null, emergency: true });
    }
  }
  // One message per address and channel, whatever the overlaps.
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = `${r.channel}:${r.address.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

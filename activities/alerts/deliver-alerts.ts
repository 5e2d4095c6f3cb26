// Turns a window of alert intents of one organization into messages: one per recipient, channel
// and kind (grouped when several repairs or stores are involved), logged with delivery status.
// SMS and WhatsApp outside support hours wait for the next opening, except emergencies; e-mail always goes.
// Alerts about repairs whose every location is in a planned closure wait for its end (closure-holds.ts).
import type { EntityManager } from '@mikro-orm/postgresql';
import { isOpenAt, nextOpening, type Calendar } from '../../core/services/contacts/business-hours.js';
import { NotificationIntent, OrgContacts, User, type NotificationRow, type OrgContactsRow, type RepairRow, type UserRow } from '../../core/db/entities/index.js';
import { pickLocale } from '../../core/providers/index.js';
import type { AlertIntent, AlertKind } from '../../workflows/org-notifier/messages.js';
import { activityKey } from '../records.activities.js';
import { acknowledgedAudience } from './acknowledged-audience.js';
import { recipientsFor, type Recipient } from './alert-audience.js';
import type { AlertDependencies } from './alert-dependencies.js';
import type { AlertData, AlertRepairLine, RenderedAlert, TemplateKind } from './alert-channels.js';
import { holdForClosures } from './closure-holds.js';
import { loadOrg, type LoadedOrg } from './loaded-org.js';
import { printTickets } from './print-tickets.js';
import { linkTtlFor, repairLine, withShortLink } from './repair-lines.js';
import { isPhoneChannel, phoneSender } from './phone-channels.js';
import { retryIfQueued, sendLogged } from './send-logged.js';
import { optedOutNumbers } from './sms-opt-outs.js';

export interface DeliverAlertsInput {
  orgId: string;
  intents: AlertIntent[];
  /** The notifier's time (epoch ms): closures and support hours are read at the later of it and the clock. */
  at?: number;
}

/** One delivery: what every message of the window is built from, and what has gone out so far. */
interface Delivery {
  d: AlertDependencies;
  em: EntityManager;
  loaded: LoadedOrg;
  contacts: OrgContactsRow;
  users: UserRow[];
  calendar: Calendar;
  now: Date;
  smsAllowedNow: boolean;
  heldUntil: number | null;
  sent: number;
  logged: NotificationRow[];
}

/** One grouped message per recipient and channel for the intents of one window. */
export async function deliverAlerts(d: AlertDependencies, { orgId, intents: asked, at }: DeliverAlertsInput): Promise<{ heldUntil: number | null; sent: number }> {
  const em = d.orm.em.fork();
  const intentIds = asked.map((i) => i.intentId);
  const contacts = await em.findOne(OrgContacts, { org: orgId });
  const loaded = await loadOrg(em, orgId, [...new Set(asked.map((i) => i.repairId))]);
  const incomplete = !contacts || contacts.missing.length > 0;
  if (incomplete) {
    // Only the dashboard knows until the contacts are complete; the repair detail says why.
    await em.nativeUpdate(NotificationIntent, { id: { $in: intentIds } }, { status: 'suppressed', reason: 'contacts_incomplete' });
    return { heldUntil: null, sent: 0 };
  }
  // A retried activity runs later than its notifier asked; a time-skipping test runs ahead of the clock.
  const now = new Date(Math.max(Date.now(), at ?? 0));
  const closed = await holdForClosures(em, loaded, asked, now.getTime());
  const intents = closed.deliverable;
  const users = await em.find(User, { org: orgId });
  const calendar = { ranges: contacts.supportHours };
  const smsAllowedNow = calendar.ranges.length === 0 || isOpenAt(calendar, now);
  const delivery: Delivery = { d, em, loaded, contacts, users, calendar, now, smsAllowedNow, heldUntil: closed.heldUntil, sent: 0, logged: [] };

  const byKind = new Map<AlertKind, Set<string>>();
  for (const intent of intents) byKind.set(intent.kind, (byKind.get(intent.kind) ?? new Set()).add(intent.repairId));
  for (const [kind, repairIds] of byKind) await deliverKind(delivery, kind, repairIds, intents.filter((i) => i.kind === kind).flatMap((i) => i.except ?? []));
  // The others are out; those a channel refused for now are sent again by the retried activity.
  retryIfQueued(delivery.logged);
  await em.nativeUpdate(NotificationIntent, { id: { $in: intents.map((i) => i.intentId) } }, { status: 'delivered' });
  return { heldUntil: delivery.heldUntil, sent: delivery.sent };
}

async function deliverKind(delivery: Delivery, kind: AlertKind, repairIds: Set<string>, except: string[]): Promise<void> {
  const { d, em, loaded, contacts, users, logged } = delivery;
  // A repair fixed within the window needs no "action needed" any more: only its "reconnected".
  const stillOpen = (r: RepairRow) => kind === 'reconnected' || (r.state !== 'healthy' && r.state !== 'repaired_elsewhere');
  const repairs = [...repairIds].map((id) => loaded.repairs.get(id)).filter((r): r is RepairRow => r !== undefined && stillOpen(r));
  if (repairs.length === 0) return;
  const storePhones = repairs.flatMap((r) => r.storeIds.flatMap((id) => loaded.stores.get(id)?.alertPhones ?? []));
  const recipients = kind === 'acknowledged' ? await acknowledgedAudience(em, repairs.map((r) => r.id), except) : recipientsFor(kind, contacts, users, storePhones);
  const optedOut = await optedOutNumbers(em, recipients.filter((r) => r.channel === 'sms').map((r) => r.address));
  for (const recipient of recipients) await sendTo(delivery, kind, repairs, recipient, optedOut.has(recipient.address));
  if (kind === 'action_needed') delivery.sent += await printTickets(d, em, loaded, repairs, kind, logged);
}

async function sendTo(delivery: Delivery, kind: AlertKind, repairs: RepairRow[], recipient: Recipient, optedOut: boolean): Promise<void> {
  const { d, em, loaded, calendar, now } = delivery;
  const locale = pickLocale([recipient.locale, loaded.org.locale]);
  const hold = isPhoneChannel(recipient.channel) && !recipient.emergency && !delivery.smsAllowedNow ? nextOpening(calendar, now) : null;
  const ttl = linkTtlFor(hold, now);
  const signed = repairs.map((r) => repairLine(d, loaded, r, locale, recipient.userId, ttl));
  const lines = isPhoneChannel(recipient.channel) ? await withShortLink(d, em, signed, recipient.userId, ttl) : signed;
  const acknowledgedBy = repairs.find((r) => r.acknowledgedBy)?.acknowledgedBy ?? undefined;
  const data: AlertData = { orgName: loaded.org.name, recipientName: recipient.name, repairs: lines, generatedAt: now.toISOString(), timezone: loaded.org.timezone, ...(acknowledgedBy ? { acknowledgedBy } : {}) };
  const template = templateFor(kind, lines);
  const content = d.channels.render(template, recipient.channel, locale, data);
  if (hold) delivery.heldUntil = Math.min(delivery.heldUntil ?? Infinity, hold.getTime());
  const key = `${activityKey()}/${kind}/${recipient.channel}/${recipient.address}`;
  const row = { org: loaded.org.id, repairIds: repairs.map((r) => r.id), channel: recipient.channel, recipient: recipient.address, template, locale };
  const send = optedOut ? { optedOut: true as const } : hold ? { heldUntil: hold } : sender(d, recipient, content);
  const message = await sendLogged(em, key, row, content, send, d.metrics);
  delivery.logged.push(message);
  if (message.status === 'sent') delivery.sent += 1;
}

function sender(d: AlertDependencies, recipient: Recipient, content: RenderedAlert): () => Promise<{ providerId: string }> {
  if (recipient.channel === 'email') return () => d.channels.sendEmail({ to: [recipient.address], subject: content.subject ?? '', html: content.html, text: content.text });
  return phoneSender(d, recipient.channel, recipient.address, content);
}

function templateFor(kind: AlertKind, repairs: AlertRepairLine[]): TemplateKind {
  const stores = repairs.reduce((n, r) => n + r.stores.length, 0);
  return kind === 'action_needed' && (repairs.length > 1 || stores > 1) ? 'action_needed_grouped' : kind;
}

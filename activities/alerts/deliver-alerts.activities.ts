// Turns a window of alert intents of one organization into messages: one per recipient, channel
// and kind (grouped when several repairs or stores are involved), logged with delivery status.
// SMS outside support hours wait for the next opening, except emergencies; e-mail always goes.
import { DateTime } from 'luxon';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isOpenAt, nextOpening } from '../../core/services/contacts/business-hours.js';
import { Brand, Location, Notification, NotificationIntent, Org, OrgContacts, Repair, Store, User, type NotificationRow, type OrgRow, type RepairRow, type StoreRow } from '../../core/db/entities/index.js';
import type { Orm } from '../../core/db/orm.js';
import { ALERT_LINK_TTL_SECONDS, signLink } from '../../core/secrets/repair-links.js';
import { errorTypeLabel, findProvider, portalSteps, resolutionLabel, type ErrorType, type Locale, type StoreConfigCause } from '../../core/providers/index.js';
import { pickLocale } from '../../core/providers/index.js';
import { translate } from '../../core/i18n/index.js';
import { lostSales } from '../../core/services/repairs/lost-sales.js';
import type { AlertIntent, AlertKind } from '../../workflows/org-notifier/messages.js';
import { activityKey } from '../records.activities.js';
import { heartbeating } from '../heartbeating.js';
import { recipientsFor, type Recipient } from './alert-audience.js';
import { gaveUpReason, retryIfQueued, sendLogged, withoutLinkTokens } from './send-logged.js';
import { channelFailure } from '../channels/channel-errors.js';
import { ApplicationFailure, log } from '@temporalio/activity';
import type { AlertChannels, AlertData, AlertRepairLine, RenderedAlert, TemplateKind } from './alert-channels.js';

export interface AlertDependencies {
  orm: Orm;
  channels: AlertChannels;
  publicUrl: string;
  linkKey: Buffer;
}

interface Loaded {
  org: OrgRow;
  repairs: Map<string, RepairRow>;
  stores: Map<string, StoreRow>;
  names: { locations: Map<string, string>; brands: Map<string, string> };
}

async function load(em: EntityManager, orgId: string, repairIds: string[]): Promise<Loaded> {
  const org = await em.findOneOrFail(Org, { id: orgId });
  const repairs = await em.find(Repair, { id: { $in: repairIds } });
  const stores = await em.find(Store, { id: { $in: [...new Set(repairs.flatMap((r) => r.storeIds))] } });
  const locations = await em.find(Location, { id: { $in: stores.map((s) => s.location) } });
  const brands = await em.find(Brand, { id: { $in: stores.map((s) => s.brand) } });
  return {
    org,
    repairs: new Map(repairs.map((r) => [r.id, r])),
    stores: new Map(stores.map((s) => [s.id, s])),
    names: { locations: new Map(locations.map((l) => [l.id, l.name])), brands: new Map(brands.map((b) => [b.id, b.name])) },
  };
}

/** A link's lifetime counts from when it reaches the person: an SMS held for support hours gets the wait on top. */
const linkTtlFor = (sendAt: Date | null, now: Date) => ALERT_LINK_TTL_SECONDS + (sendAt ? Math.max(0, Math.ceil((sendAt.getTime() - now.getTime()) / 1000)) : 0);

function repairLine(d: AlertDependencies, loaded: Loaded, repair: RepairRow, locale: Locale, userId?: string, linkTtlSeconds = ALERT_LINK_TTL_SECONDS): AlertRepairLine {
  const provider = findProvider(repair.provider)?.name ?? repair.provider;
  const resolution = (repair.resolution ?? 'support') as AlertRepairLine['resolution'];
  const cause = repair.cause as StoreConfigCause | null;
  return {
    repairId: repair.id,
    provider,
    errorTypeLabel: errorTypeLabel((repair.errorType ?? 'unknown') as ErrorType, locale),
    resolution,
    actionLabel: resolutionLabel(resolution, locale),
    link: `${d.publicUrl}/r/${signLink(d.linkKey, { repairId: repair.id, ...(userId ? { userId } : {}) }, Date.now(), linkTtlSeconds)}`,
    stores: repair.storeIds.flatMap((id) => {
      const store = loaded.stores.get(id);
      return store ? [{ location: loaded.names.locations.get(store.location) ?? '', brand: loaded.names.brands.get(store.brand) ?? '', provider }] : [];
    }),
    ...(resolution === 'merchant_portal' && cause ? { steps: portalSteps(repair.provider, cause, locale) } : {}),
    ...estimatedLoss(repair, loaded, locale),
  };
}

function estimatedLoss(repair: RepairRow, loaded: Loaded, locale: Locale): { estimatedLostRevenue?: string } {
  const loss = lostSales(repair, repair.storeIds.flatMap((id) => loaded.stores.get(id) ?? []));
  if (!loss || !loss.currency) return {};
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: loss.currency, maximumFractionDigits: 0 });
  return { estimatedLostRevenue: translate(locale, 'label.loss', { lost: money.format(loss.revenueLost), perHour: money.format(loss.revenuePerHour) }) };
}

function templateFor(kind: AlertKind, repairs: AlertRepairLine[]): TemplateKind {
  const stores = repairs.reduce((n, r) => n + r.stores.length, 0);
  return kind === 'action_needed' && (repairs.length > 1 || stores > 1) ? 'action_needed_grouped' : kind;
}

export function createAlertActivities(d: AlertDependencies) {
  function sender(recipient: Recipient, content: RenderedAlert): () => Promise<{ providerId: string }> {
    return recipient.channel === 'email'
      ? () => d.channels.sendEmail({ to: [recipient.address], subject: content.subject ?? '', html: content.html, text: content.text })
      : () => d.channels.sendSms({ to: recipient.address, body: content.text });
  }

  /** One grouped message per recipient and channel for the intents of one window. */
  async function deliver({ orgId, intents }: { orgId: string; intents: AlertIntent[] }): Promise<{ heldUntil: number | null; sent: number }> {
    const em = d.orm.em.fork();
    const intentIds = intents.map((i) => i.intentId);
    const contacts = await em.findOne(OrgContacts, { org: orgId });
    const loaded = await load(em, orgId, [...new Set(intents.map((i) => i.repairId))]);
    const incomplete = !contacts || contacts.missing.length > 0;
    if (incomplete) {
      // Only the dashboard knows until the contacts are complete; the repair detail says why.
      await em.nativeUpdate(NotificationIntent, { id: { $in: intentIds } }, { status: 'suppressed', reason: 'contacts_incomplete' });
      return { heldUntil: null, sent: 0 };
    }
    const users = await em.find(User, { org: orgId });
    const calendar = { ranges: contacts.supportHours };
    const now = new Date();
    const smsAllowedNow = calendar.ranges.length === 0 || isOpenAt(calendar, now);
    let heldUntil: number | null = null;
    let sent = 0;
    const logged: NotificationRow[] = [];

    const byKind = new Map<AlertKind, Set<string>>();
    for (const intent of intents) byKind.set(intent.kind, (byKind.get(intent.kind) ?? new Set()).add(intent.repairId));
    for (const [kind, repairIds] of byKind) {
      // A repair fixed within the window needs no "action needed" any more: only its "reconnected".
      const stillOpen = (r: RepairRow) => kind === 'reconnected' || (r.state !== 'healthy' && r.state !== 'repaired_elsewhere');
      const repairs = [...repairIds].map((id) => loaded.repairs.get(id)).filter((r): r is RepairRow => r !== undefined && stillOpen(r));
      if (repairs.length === 0) continue;
      const storePhones = repairs.flatMap((r) => r.storeIds.flatMap((id) => loaded.stores.get(id)?.alertPhones ?? []));
      for (const recipient of recipientsFor(kind, contacts, users, storePhones)) {
        const locale = pickLocale([recipient.locale, loaded.org.locale]);
        const hold = recipient.channel === 'sms' && !recipient.emergency && !smsAllowedNow ? nextOpening(calendar, now) : null;
        const lines = repairs.map((r) => repairLine(d, loaded, r, locale, recipient.userId, linkTtlFor(hold, now)));
        const data: AlertData = { orgName: loaded.org.name, recipientName: recipient.name, repairs: lines, generatedAt: now.toISOString(), timezone: loaded.org.timezone };
        const template = templateFor(kind, lines);
        const content = d.channels.render(template, recipient.channel, locale, data);
        if (hold) heldUntil = Math.min(heldUntil ?? Infinity, hold.getTime());
        const key = `${activityKey()}/${kind}/${recipient.channel}/${recipient.address}`;
        const row = { org: orgId, repairIds: repairs.map((r) => r.id), channel: recipient.channel, recipient: recipient.address, template, locale };
        const message = await sendLogged(em, key, row, content, hold ? { heldUntil: hold } : sender(recipient, content));
        logged.push(message);
        if (message.status === 'sent') sent += 1;
      }
      if (kind === 'action_needed') sent += await printTickets(em, loaded, repairs, kind, logged);
    }
    // The others are out; those a channel refused for now are sent again by the retried activity.
    retryIfQueued(logged);
    await em.nativeUpdate(NotificationIntent, { id: { $in: intentIds } }, { status: 'delivered' });
    return { heldUntil, sent };
  }

  return {
    deliverAlerts: (input: { orgId: string; intents: AlertIntent[] }) => heartbeating(deliver(input)),

    /** Sends the SMS held for support hours whose time has come; a final refusal fails that one only. */
    async releaseHeldAlerts({ orgId }: { orgId: string }): Promise<{ nextHeldUntil: number | null }> {
      const em = d.orm.em.fork();
      const due = await em.find(Notification, { org: orgId, status: 'held', sendAfter: { $lte: new Date() } });
      let waiting = 0;
      for (const message of due) {
        try {
          const sent = await d.channels.sendSms({ to: message.recipient, body: message.content?.text ?? '' });
          em.assign(message, { status: 'sent', providerId: sent.providerId, error: null, content: message.content ? withoutLinkTokens(message.content) : null, updatedAt: new Date() });
        } catch (error) {
          const failure = channelFailure(error, 'sms');
          log.warn(failure.final ? 'held SMS refused for good' : 'held SMS failed for now; will retry', { messageId: message.id, reason: failure.reason });
          // Given up on, the copy keeps no sign-in link either.
          if (failure.final) em.assign(message, { status: 'failed', error: failure.reason, content: message.content ? withoutLinkTokens(message.content) : null, updatedAt: new Date() });
          else (em.assign(message, { error: `${failure.reason}; retrying`, updatedAt: new Date() }), (waiting += 1));
        }
        await em.flush();
      }
      if (waiting > 0) throw ApplicationFailure.retryable(`${waiting} held SMS hit a temporary failure`, 'AlertChannelUnavailable');
      return { nextHeldUntil: await nextHeld(em, orgId) };
    },

    /**
     * The retries of a delivery or a release are spent: what is still queued by this notifier run, or
     * held past its time, is recorded failed (the delivery log shows it) so the notifier moves on.
     */
    async giveUpUndelivered({ orgId, keyPrefix, dueHeld }: { orgId: string; keyPrefix: string; dueHeld: boolean }): Promise<{ failed: number; nextHeldUntil: number | null }> {
      const em = d.orm.em.fork();
      const queued = { org: orgId, status: 'queued' as const, idempotencyKey: { $like: `${keyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } };
      const stuck = await em.find(Notification, dueHeld ? { $or: [queued, { org: orgId, status: 'held', sendAfter: { $lte: new Date() } }] } : queued);
      for (const message of stuck) em.assign(message, { status: 'failed', error: gaveUpReason(message.error ?? null), content: message.content ? withoutLinkTokens(message.content) : null, updatedAt: new Date() });
      await em.flush();
      if (stuck.length > 0) log.error('alert messages given up on after repeated temporary failures', { orgId, failed: stuck.length, channels: [...new Set(stuck.map((m) => m.channel))] });
      return { failed: stuck.length, nextHeldUntil: await nextHeld(em, orgId) };
    },
  };

  async function nextHeld(em: EntityManager, orgId: string): Promise<number | null> {
    const next = await em.findOne(Notification, { org: orgId, status: 'held' }, { orderBy: { sendAfter: 'asc' } });
    return next?.sendAfter?.getTime() ?? null;
  }

  async function printTickets(em: EntityManager, loaded: Loaded, repairs: RepairRow[], kind: AlertKind, logged: NotificationRow[]): Promise<number> {
    let printed = 0;
    for (const repair of repairs) {
      for (const storeId of repair.storeIds) {
        const store = loaded.stores.get(storeId);
        if (!store?.printerAddress) continue;
        const locale = pickLocale([loaded.org.locale]);
        const line = repairLine(d, loaded, repair, locale);
        const data: AlertData = { orgName: loaded.org.name, repairs: [{ ...line, stores: line.stores.filter((s) => s.location === loaded.names.locations.get(store.location)) }], generatedAt: DateTime.now().toISO() ?? '', timezone: loaded.org.timezone };
        const content = d.channels.render(kind, 'ticket', locale, data);
        const key = `${activityKey()}/${kind}/ticket/${store.id}/${repair.id}`;
        const address = store.printerAddress;
        const message = await sendLogged(em, key, { org: loaded.org.id, repairIds: [repair.id], channel: 'ticket', recipient: address, template: kind, locale }, content, () => d.channels.printTicket(address, content, line.link));
        logged.push(message);
        if (message.status === 'sent') printed += 1;
      }
    }
    return printed;
  }
}

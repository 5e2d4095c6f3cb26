// The repair as the API shows it: read from PostgreSQL (kept current by the workflow).
import type { EntityManager } from '@mikro-orm/postgresql';
import { slugForRepair } from '../../../help/article-kinds.js';
import { articleUrl, getArticle } from '../../../help/article-library.js';
import { getContacts } from '../contacts/contacts.service.js';
import { lostSales } from '../../../estimates/lost-sales.js';
import { Brand, Location, Message, NotificationIntent, Org, Repair, RepairEvent, Store, type RepairRow, type StoreRow, type UserRow } from '../../../db/entities/index.js';
import { causeLabel, errorTypeLabel, findProvider, pickLocale, portalSteps, type Locale, type StoreConfigCause, type ErrorType } from '../../../providers/index.js';
import { hasPermission } from '../../auth/permissions.js';
import { actionsForUser, actionsInState, type RepairState } from '../../../workflows/repair-rules.js';
import { notFound } from '../../../errors/problem.js';

export interface RepairViewOptions {
  user?: UserRow;
  locale: Locale;
}

async function storesOf(em: EntityManager, storeIds: string[]) {
  const stores = await em.find(Store, { id: { $in: storeIds } });
  return { rows: stores, views: await storeViews(em, stores) };
}

export async function storeViews(em: EntityManager, stores: StoreRow[]) {
  const locations = new Map((await em.find(Location, { id: { $in: stores.map((s) => s.location) } })).map((l) => [l.id, l]));
  const brands = new Map((await em.find(Brand, { id: { $in: stores.map((s) => s.brand) } })).map((b) => [b.id, b]));
  return stores.map((s) => ({
    id: s.id,
    location: { id: s.location, name: locations.get(s.location)?.name ?? '' },
    brand: { id: s.brand, name: brands.get(s.brand)?.name ?? '' },
  }));
}

function helpFor(r: RepairRow, locale: Locale) {
  const provider = findProvider(r.provider);
  const cause = (r.cause ?? null) as StoreConfigCause | null;
  const slug = slugForRepair(r.provider, r.errorType, cause);
  const article = slug ? getArticle(slug, locale) : undefined;
  return {
    article: article ? { slug: article.slug, title: article.title, url: articleUrl(article.slug, locale) } : null,
    locale,
    errorTypeLabel: r.errorType ? errorTypeLabel(r.errorType as ErrorType, locale) : null,
    causeLabel: cause ? causeLabel(cause, locale) : null,
    steps: r.resolution === 'merchant_portal' && cause ? portalSteps(r.provider, cause, locale) : [],
    portalName: provider?.portalName ?? null,
    portalUrl: provider?.portalUrl ?? null,
    helpUrl: provider?.helpUrl ?? null,
  };
}

export function repairSummary(r: RepairRow) {
  return {
    id: r.id,
    workflowId: r.workflowId,
    orgId: r.org,
    connectionId: r.connection,
    provider: r.provider,
    providerName: findProvider(r.provider)?.name ?? r.provider,
    accountRef: r.accountRef,
    state: r.state,
    errorCode: r.errorCode ?? null,
    errorType: r.errorType ?? null,
    cause: r.cause ?? null,
    resolution: r.resolution ?? null,
    storeCount: r.storeIds.length,
    attempts: r.attempts,
    lastOutcome: r.lastOutcome ?? null,
    openedAt: r.openedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    outcome: r.outcome ?? null,
  };
}

export async function findRepair(em: EntityManager, repairId: string): Promise<RepairRow> {
  const repair = await em.findOne(Repair, { id: repairId });
  if (!repair) throw notFound('repair', repairId);
  return repair;
}

export async function repairDetail(em: EntityManager, r: RepairRow, options: RepairViewOptions) {
  const [stores, events, notifications, messages] = await Promise.all([
    storesOf(em, r.storeIds),
    em.find(RepairEvent, { repair: r.id }, { orderBy: { at: 'asc', id: 'asc' } }),
    em.find(NotificationIntent, { repairId: r.id }, { orderBy: { createdAt: 'asc' } }),
    em.find(Message, { repairIds: { $contains: [r.id] } } as never, { orderBy: { createdAt: 'asc' } }),
  ]);
  // Alerts stay on the dashboard until the organization's contact details are complete: say so.
  const notificationsBlocked = notifications.some((n) => n.status === 'suppressed')
    ? { reason: 'contacts_incomplete', missing: (await getContacts(em, r.org)).missing }
    : null;
  const state = r.state as RepairState;
  const canReconnect = options.user ? hasPermission(options.user, 'integrations:reconnect') : true;
  return {
    ...repairSummary(r),
    lostSales: lostSales(r, stores.rows),
    errorMessage: r.errorMessage ?? null,
    reportCount: r.reportCount,
    reminderCount: r.reminderCount,
    escalation: r.escalation,
    supportRequested: r.supportRequested,
    deferredUntil: r.deferredUntil?.toISOString() ?? null,
    stores: stores.views,
    help: helpFor(r, options.locale),
    history: events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      actorUserId: e.actorUserId ?? null,
      action: e.action ?? null,
      outcome: e.outcome ?? null,
      errorType: e.errorType ?? null,
      cause: e.cause ?? null,
      errorCode: e.errorCode ?? null,
    })),
    allowedActions: options.user ? actionsForUser(state, canReconnect) : [...actionsInState(state)],
    permissions: options.user ? { actingUserId: options.user.id, canReconnect } : null,
    notifications: notifications.map((n) => ({ kind: n.kind, status: n.status, createdAt: n.createdAt.toISOString() })),
    notificationsBlocked,
    messages: messages.map((m) => ({ id: m.id, channel: m.channel, recipient: m.recipient, template: m.template, locale: m.locale, status: m.status, sendAfter: m.sendAfter?.toISOString() ?? null, createdAt: m.createdAt.toISOString() })),
  };
}

/** The requested locale, else the user's, else the organization's, else English. */
export async function localeFor(em: EntityManager, orgId: string, user?: UserRow, requested?: string): Promise<Locale> {
  return pickLocale([requested, user?.locale, (await em.findOne(Org, { id: orgId }))?.locale]);
}

// The repair as the API shows it: read from PostgreSQL (kept current by the workflow).
import type { EntityManager } from '@mikro-orm/postgresql';
import { slugForRepair } from '../help/article-kinds.js';
import { articleUrl, getArticle } from '../help/article-library.js';
import { getContacts } from '../../core/services/contacts/contacts.service.js';
import { lostSalesOf } from '../../core/services/repairs/lost-sales.js';
import { Brand, Location, Org, Repair, type RepairRow, type StoreRow, type UserRow } from '../../core/db/entities/index.js';
import { causeLabel, errorTypeLabel, findProvider, pickLocale, portalSteps, type Locale, type StoreConfigCause, type ErrorType } from '../../core/providers/index.js';
import { ACTION_PERMISSION, hasPermission } from '../../core/services/registry/permissions.js';
import { actionsInState, type RepairState } from '../../workflows/repair/repair-rules.js';
import { notFound } from '../../core/services/problem.js';
import { readRepairDetail, type RepairDetailRecord, type RepairRecord, type StoreView } from '../../core/services/repairs/repair-reads.js';

export interface RepairViewOptions {
  user?: Pick<UserRow, 'id' | 'permissions'>;
  locale: Locale;
}

/** Stores with their location and brand names, in the order given. */
export async function storeViews(em: EntityManager, stores: StoreRow[]): Promise<StoreView[]> {
  const locations = new Map((await em.find(Location, { id: { $in: stores.map((s) => s.location) } })).map((l) => [l.id, l]));
  const brands = new Map((await em.find(Brand, { id: { $in: stores.map((s) => s.brand) } })).map((b) => [b.id, b]));
  return stores.map((s) => ({
    id: s.id,
    location: { id: s.location, name: locations.get(s.location)?.name ?? '' },
    brand: { id: s.brand, name: brands.get(s.brand)?.name ?? '' },
  }));
}

function helpFor(r: Pick<RepairRecord, 'provider' | 'errorType' | 'cause' | 'resolution'>, locale: Locale) {
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

export function repairSummary(r: RepairRecord) {
  return {
    id: r.id,
    workflowId: r.workflowId,
    orgId: r.orgId,
    connectionId: r.connectionId,
    provider: r.provider,
    providerName: findProvider(r.provider)?.name ?? r.provider,
    accountRef: r.accountRef,
    state: r.state,
    errorCode: r.errorCode,
    errorType: r.errorType,
    cause: r.cause,
    resolution: r.resolution,
    storeCount: r.storeCount,
    attempts: r.attempts,
    lastOutcome: r.lastOutcome,
    openedAt: r.openedAt,
    updatedAt: r.updatedAt,
    resolvedAt: r.resolvedAt,
    outcome: r.outcome,
  };
}

/** What the repair has cost so far, from the profiles its read query picked. */
export const repairLostSales = (r: RepairRecord, now = new Date()) =>
  lostSalesOf({ openedAt: new Date(r.openedAt), resolvedAt: r.resolvedAt ? new Date(r.resolvedAt) : null }, r.salesProfiles, now);

/** The detail of a repair already found (actions, pages): read again in one query, so it shows what is stored now. */
export async function repairDetail(em: EntityManager, r: Pick<RepairRow, 'id'>, options: RepairViewOptions) {
  const record = await readRepairDetail(em, r.id);
  if (!record) throw notFound('repair', r.id);
  return detailView(em, record, options);
}

export async function detailView(em: EntityManager, r: RepairDetailRecord, options: RepairViewOptions) {
  // Alerts stay on the dashboard until the organization's contact details are complete: say so.
  const notificationsBlocked = r.notifications.some((n) => n.status === 'suppressed' && n.reason === 'contacts_incomplete')
    ? { reason: 'contacts_incomplete', missing: (await getContacts(em, r.orgId)).missing }
    : null;
  const state = r.state as RepairState;
  const canReconnect = options.user ? hasPermission(options.user, 'integrations:reconnect') : true;
  return {
    ...repairSummary(r),
    lostSales: repairLostSales(r),
    errorMessage: r.errorMessage,
    reportCount: r.reportCount,
    reminderCount: r.reminderCount,
    escalation: r.escalation,
    supportRequested: r.supportRequested,
    deferredUntil: r.deferredUntil,
    acknowledgedBy: r.acknowledgedBy,
    acknowledgedAt: r.acknowledgedAt,
    stores: r.stores,
    help: helpFor(r, options.locale),
    history: r.history,
    // Each action needs its own permission of the user (reconnect, view to defer, support:chat).
    allowedActions: actionsInState(state).filter((a) => !options.user || hasPermission(options.user, ACTION_PERMISSION[a])),
    permissions: options.user ? { actingUserId: options.user.id, canReconnect } : null,
    notifications: r.notifications,
    notificationsBlocked,
    messages: r.messages,
  };
}

/** The requested locale, else the user's, else the organization's, else English. */
export async function localeFor(em: EntityManager, orgId: string, user?: Pick<UserRow, 'locale'>, requested?: string): Promise<Locale> {
  return pickLocale([requested, user?.locale, (await em.findOne(Org, { id: orgId }))?.locale]);
}

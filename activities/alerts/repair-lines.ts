// One repair as an alert lists it: provider, problem, what to do, a signed link for the reader,
// its stores and, when the stores report sales, what the outage is costing.
import type { EntityManager } from '@mikro-orm/postgresql';
import { ALERT_LINK_TTL_SECONDS, signLink } from '../../core/secrets/repair-links.js';
import { createShortLink } from '../../core/secrets/short-links.js';
import { errorTypeLabel, findProvider, portalSteps, resolutionLabel, type ErrorType, type Locale, type StoreConfigCause } from '../../core/providers/index.js';
import { formatMoney, translate } from '../../core/i18n/index.js';
import { lostSales } from '../../core/services/repairs/lost-sales.js';
import type { RepairRow, StoreRow } from '../../core/db/entities/index.js';
import type { AlertDependencies } from './alert-dependencies.js';
import type { AlertRepairLine } from './alert-channels.js';
import type { LoadedOrg } from './loaded-org.js';

/** A link's lifetime counts from when it reaches the person: an SMS held for support hours gets the wait on top. */
export const linkTtlFor = (sendAt: Date | null, now: Date) => ALERT_LINK_TTL_SECONDS + (sendAt ? Math.max(0, Math.ceil((sendAt.getTime() - now.getTime()) / 1000)) : 0);

type LinkSigning = Pick<AlertDependencies, 'publicUrl' | 'linkKey'>;

export function repairLine(d: LinkSigning, loaded: LoadedOrg, repair: RepairRow, locale: Locale, userId?: string, linkTtlSeconds = ALERT_LINK_TTL_SECONDS): AlertRepairLine {
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
      if (!store) return [];
      // Each store's own share, so a list of stores never repeats the connection's whole figure.
      return [{ storeId: id, location: loaded.names.locations.get(store.location) ?? '', brand: loaded.names.brands.get(store.brand) ?? '', provider, ...estimatedLoss(repair, [store], locale, loaded.org.timezone) }];
    }),
    ...(resolution === 'merchant_portal' && cause ? { steps: portalSteps(repair.provider, cause, locale) } : {}),
    ...estimatedLoss(repair, repair.storeIds.flatMap((id) => loaded.stores.get(id) ?? []), locale, loaded.org.timezone),
  };
}

/**
 * An SMS names one link, the first repair's: it gets a short code standing for the same repair and
 * user, expiring with the signed link (e-mail and tickets keep the signed link itself).
 */
export async function withShortLink(d: LinkSigning, em: EntityManager, lines: AlertRepairLine[], userId: string | undefined, linkTtlSeconds: number): Promise<AlertRepairLine[]> {
  const [first, ...rest] = lines;
  if (!first) return lines;
  const expiresAt = new Date((Math.floor(Date.now() / 1000) + linkTtlSeconds) * 1000);
  const code = await createShortLink(em, { repairId: first.repairId, ...(userId ? { userId } : {}) }, expiresAt);
  return [{ ...first, shortLink: `${d.publicUrl}/r/${code}` }, ...rest];
}

/** What the repair costs at these of its stores, formatted for the reader (nothing when unknown). */
export function estimatedLoss(repair: RepairRow, stores: StoreRow[], locale: Locale, timeZone: string): { estimatedLostRevenue?: string } {
  const loss = lostSales(repair, stores);
  const currency = loss?.currency;
  if (!loss || !currency) return {};
  const money = (amount: number) => formatMoney(amount, currency, locale, timeZone);
  return { estimatedLostRevenue: translate(locale, 'label.loss', { lost: money(loss.revenueLost), perHour: money(loss.revenuePerHour) }) };
}

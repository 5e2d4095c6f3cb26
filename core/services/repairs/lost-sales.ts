// What a broken connection costs while it stays open: the affected stores' usual orders per hour on
// that provider, times the hours since the repair opened, times their average order value.
import type { RepairRow, StoreRow } from '../../db/entities/index.js';

export interface LostSales {
  hoursOpen: number;
  ordersPerHour: number;
  revenuePerHour: number;
  ordersLost: number;
  revenueLost: number;
  currency: string | null;
}

/** One store's usual sales on one provider. */
export type SalesProfile = NonNullable<StoreRow['salesProfile']>[string];

export function lostSales(repair: Pick<RepairRow, 'provider' | 'openedAt' | 'resolvedAt'>, stores: Pick<StoreRow, 'salesProfile'>[], now = new Date()): LostSales | null {
  const profiles = stores.map((s) => s.salesProfile?.[repair.provider]).filter((p): p is NonNullable<typeof p> => p !== undefined);
  return lostSalesOf(repair, profiles, now);
}

/** The estimate from the stores' profiles on the repair's provider, already picked (the read queries pick them in SQL). */
export function lostSalesOf(repair: Pick<RepairRow, 'openedAt' | 'resolvedAt'>, profiles: SalesProfile[], now = new Date()): LostSales | null {
  if (profiles.length === 0) return null;
  const end = repair.resolvedAt ?? now;
  const hoursOpen = Math.max(0, (end.getTime() - repair.openedAt.getTime()) / 3600_000);
  const ordersPerHour = profiles.reduce((n, p) => n + p.ordersPerHour, 0);
  const revenuePerHour = profiles.reduce((n, p) => n + p.ordersPerHour * p.averageOrderValue, 0);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    hoursOpen: round(hoursOpen),
    ordersPerHour: round(ordersPerHour),
    revenuePerHour: round(revenuePerHour),
    ordersLost: round(ordersPerHour * hoursOpen),
    revenueLost: round(revenuePerHour * hoursOpen),
    currency: profiles[0]?.currency ?? null,
  };
}

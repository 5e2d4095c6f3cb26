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
  const ordersPerHour = profiles.reduce((n, p) => n + p.ordersPerHour, 0);
  const revenuePerHour = profiles.reduce((n, p) => n + p.ordersPerHour * p.averageOrderValue, 0);
  return lostSalesFromRates(repair.openedAt.getTime(), repair.resolvedAt?.getTime() ?? null, { ordersPerHour, revenuePerHour, currency: profiles[0]?.currency ?? null }, now);
}

/** The stores' summed rates on the repair's provider (NaN where a profile lacks a number, as the sums in JavaScript give). */
export interface SalesRates {
  ordersPerHour: number;
  revenuePerHour: number;
  currency: string | null;
}

/** The estimate at `now` from rates already summed: the list's cached pages keep the rates and count the hours per answer. */
export function lostSalesFromRates(openedAtMs: number, resolvedAtMs: number | null, rates: SalesRates, now: Date): LostSales {
  const hoursOpen = Math.max(0, ((resolvedAtMs ?? now.getTime()) - openedAtMs) / 3600_000);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    hoursOpen: round(hoursOpen),
    ordersPerHour: round(rates.ordersPerHour),
    revenuePerHour: round(rates.revenuePerHour),
    ordersLost: round(rates.ordersPerHour * hoursOpen),
    revenueLost: round(rates.revenuePerHour * hoursOpen),
    currency: rates.currency,
  };
}

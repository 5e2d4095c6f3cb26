// A page of the repair list, split once where each repair's lost sales go, so that an answer is the
// page's text with the lost sales counted at that moment: the only part of the list that changes
// with the clock (hours open) and not with a write.
import { lostSalesFromRates } from './lost-sales.js';
import { LOST_SALES_MARKER, type RepairListPageText } from './repair-reads.js';

type Rates = [ordersPerHour: unknown, revenuePerHour: unknown, openedAtMs: number, resolvedAtMs: number | null, currency: string | null];

export interface RepairListPage {
  revision: string | null;
  /** Text between the markers; `repairIds[i]`'s lost sales go between `texts[i]` and `texts[i + 1]`. */
  texts: string[];
  repairIds: string[];
  rates: Record<string, Rates>;
  /** What the page holds in memory, about (the cache's bound). */
  size: number;
}

// PostgreSQL writes a float8 as JSON's shortest exact number; null stands for JavaScript's NaN (a
// profile without the number), and an overflowed sum comes as the text "Infinity".
const asRate = (value: unknown): number => (typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN);

export function splitPage({ revision, body, rates }: RepairListPageText): RepairListPage {
  const pieces = body.split(new RegExp(LOST_SALES_MARKER.source, 'g'));
  const texts = pieces.filter((_, i) => i % 2 === 0);
  const repairIds = pieces.filter((_, i) => i % 2 === 1);
  return { revision, texts, repairIds, rates: JSON.parse(rates) as Record<string, Rates>, size: body.length + rates.length };
}

/** The list's answer at `now`. */
export function renderPage(page: RepairListPage, now: Date): string {
  let text = page.texts[0]!;
  page.repairIds.forEach((repairId, i) => {
    const [ordersPerHour, revenuePerHour, openedAtMs, resolvedAtMs, currency] = page.rates[repairId]!;
    const lost = lostSalesFromRates(openedAtMs, resolvedAtMs, { ordersPerHour: asRate(ordersPerHour), revenuePerHour: asRate(revenuePerHour), currency }, now);
    text += JSON.stringify(lost) + page.texts[i + 1]!;
  });
  return text;
}

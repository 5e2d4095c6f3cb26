// How a repair's problem and cost read on the pages, in the reader's language.
import { formatMoney } from '../../core/i18n/index.js';
import { causeLabel, errorTypeLabel, type ErrorType, type Locale, type StoreConfigCause } from '../../core/providers/index.js';

/** The cause when we know it ("Store inactive"), else the error type ("Password changed or wrong"). */
export function problemLabel(repair: { errorType?: string | null; cause?: string | null }, locale: Locale): string {
  return repair.cause ? causeLabel(repair.cause as StoreConfigCause, locale) : errorTypeLabel((repair.errorType ?? 'unknown') as ErrorType, locale);
}

/** The lost revenue per hour of several repairs, when they share one currency, in the organization's formats. */
export function lostPerHour(repairs: { lostSales: { revenuePerHour: number; currency: string | null } | null }[], locale: Locale, timeZone: string): string | null {
  const losses = repairs.map((r) => r.lostSales).filter((l): l is { revenuePerHour: number; currency: string } => l !== null && l.currency !== null);
  const currencies = new Set(losses.map((l) => l.currency));
  if (losses.length === 0 || currencies.size !== 1) return null;
  return formatMoney(losses.reduce((n, l) => n + l.revenuePerHour, 0), losses[0]!.currency, locale, timeZone);
}

/** A repair's button in lists: it names what the page holds (portal steps are not a reconnection),
 * and never offers Reconnect to a person who may not reconnect. */
export function repairActionKey(r: { state: string; resolution?: string | null }, canReconnect: boolean): string {
  if (r.state === 'verifying' || r.state === 'retrying' || r.state === 'awaiting_support') return 'page.action.view';
  if (r.resolution === 'merchant_portal' || r.state === 'awaiting_portal_steps') return canReconnect ? 'page.action.seeSteps' : 'page.action.learnMore';
  return canReconnect ? 'page.action.reconnect' : 'page.action.whoCanReconnect';
}

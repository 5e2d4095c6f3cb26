// One repair as templates see it: every optional field made explicit (strict templates never meet
// a missing value), stores labelled, and the steps to print numbered.
import { translate } from '../core/i18n/index.js';
import type { RepairLine, Resolution, StoreLine } from './alert-data.js';

export interface StoreView extends StoreLine {
  /** "São João · Pão Quente", or whichever of the two is known. */
  label: string;
  /** Who the store is in counts: its id, else its label (a store is one brand at one location). */
  key: string;
}

export interface StepView {
  number: number;
  text: string;
}

export interface RepairView {
  repairId: string;
  provider: string;
  errorTypeLabel: string;
  resolution: Resolution;
  actionLabel: string;
  link: string;
  /** What SMS and tickets print: the short link when there is one. */
  shortLink: string;
  stores: StoreView[];
  storeCount: number;
  /** What to do, numbered: the provider's portal steps, or our reconnect steps. */
  steps: StepView[];
  /** A sentence instead of steps when there is nothing to do (retry) or support has it. */
  note: string | null;
  /** "Repair now" when the merchant can fix it, "Open the repair" otherwise. */
  buttonLabel: string;
  estimatedLostRevenue: string | null;
  openedAt: string | null;
}

export function storeLabel(store: StoreLine): string {
  return [store.location, store.brand].filter((part) => part.trim() !== '').join(' · ');
}

function stepsFor(line: RepairLine, locale: string): string[] {
  if (line.steps && line.steps.length > 0) return line.steps;
  const values = { provider: line.provider };
  if (line.resolution === 'reconnect') return [1, 2, 3].map((n) => translate(locale, `steps.reconnect.${n}`, values));
  if (line.resolution === 'merchant_portal') return [translate(locale, 'steps.portal_fallback', values)];
  return [];
}

function noteFor(resolution: Resolution, locale: string): string | null {
  if (resolution === 'retry') return translate(locale, 'alert.note.retry');
  if (resolution === 'support') return translate(locale, 'alert.note.support');
  return null;
}

export function repairView(line: RepairLine, locale: string): RepairView {
  const selfRepair = line.resolution === 'reconnect' || line.resolution === 'merchant_portal';
  return {
    repairId: line.repairId,
    provider: line.provider,
    errorTypeLabel: line.errorTypeLabel,
    resolution: line.resolution,
    actionLabel: line.actionLabel,
    link: line.link,
    shortLink: line.shortLink ?? line.link,
    stores: line.stores.map((store) => ({ ...store, label: storeLabel(store), key: store.storeId ?? storeLabel(store) })),
    storeCount: line.stores.length,
    steps: stepsFor(line, locale).map((text, i) => ({ number: i + 1, text })),
    note: noteFor(line.resolution, locale),
    buttonLabel: translate(locale, selfRepair ? 'alert.button.repair' : 'alert.button.open'),
    estimatedLostRevenue: line.estimatedLostRevenue ?? null,
    openedAt: line.openedAt ?? null,
  };
}

/** How many different stores the repairs touch: a store on two providers' connections counts once. */
export const distinctStores = (repairs: readonly RepairView[]): number => new Set(repairs.flatMap((r) => r.stores.map((s) => s.key))).size;

// Everything a template may read, computed once per message. Templates compile in strict mode, so
// every field here is always present (null when there is nothing to show, never undefined).
import { formatList, translate, type Locale } from '../core/i18n/index.js';
import type { AlertData, TemplateKind } from './alert-data.js';
import { groupByProvider, type ProviderGroupView } from './provider-groups.js';
import { distinctStores, repairView, type RepairView } from './repair-view.js';

/** The values every kind-specific text (`alert.subject.<kind>`, `sms.<kind>`, …) may use. */
export interface KindValues {
  [name: string]: string | number;
  orgName: string;
  /** Every provider involved, as a list in the reader's language ("Deliveroo and Uber Eats"). */
  provider: string;
  providerCount: number;
  /** Different stores: one on two providers' connections counts once (as on the dashboard). */
  storeCount: number;
  /** The first store's location (what a one-store SMS names). */
  location: string;
  /** What a closing message announces: `store` when every repair was fixed in the provider's
   * portal (nothing was reconnected), else `account`. */
  fixed: 'store' | 'account';
  link: string;
  /** Who took the repair in hand (`acknowledged`); empty for other kinds. */
  by: string;
}

export interface AlertView {
  locale: Locale;
  kind: TemplateKind;
  orgName: string;
  recipientName: string | null;
  supportPhone: string | null;
  logoUrl: string | null;
  generatedAt: string;
  timezone: string;
  provider: string;
  providerCount: number;
  storeCount: number;
  /** Each provider with its stores ("Uber Eats (4 stores) and Deliveroo (2 stores)"). */
  providerStores: string;
  repairCount: number;
  /** The main button's target: the overview page, else the first repair. */
  link: string;
  /** The same target for SMS: the overview page, else the first repair's short link. */
  shortLink: string;
  /** The merchant has something to do (or to look at) for this kind. */
  actionable: boolean;
  /** Addressed to technical or support contacts rather than store staff. */
  technical: boolean;
  repairs: RepairView[];
  providers: ProviderGroupView[];
  kindValues: KindValues;
}

const INFORMATIONAL: readonly TemplateKind[] = ['reconnected', 'provider_issue', 'acknowledged'];
const TECHNICAL: readonly TemplateKind[] = ['escalated_emergency', 'escalated_support', 'support_requested'];

export function alertView(kind: TemplateKind, locale: Locale, data: AlertData): AlertView {
  const firstRepair = data.repairs[0];
  if (!firstRepair) throw new Error(`a ${kind} message needs at least one repair`);
  const repairs = data.repairs.map((line) => repairView(line, locale));
  const providerNames = [...new Set(repairs.map((r) => r.provider))];
  const storeCount = distinctStores(repairs);
  const providers = groupByProvider(repairs);
  const firstStore = repairs.flatMap((r) => r.stores)[0];
  const link = data.overviewLink ?? firstRepair.link;
  const provider = formatList(locale, providerNames);
  return {
    locale,
    kind,
    orgName: data.orgName,
    recipientName: data.recipientName?.trim() || null,
    supportPhone: data.supportPhone?.trim() || null,
    logoUrl: data.logoUrl ?? null,
    generatedAt: data.generatedAt,
    timezone: data.timezone,
    provider,
    providerCount: providerNames.length,
    storeCount,
    providerStores: formatList(locale, providers.map((g) => translate(locale, 'alert.grouped.provider_stores', { provider: g.provider, count: g.storeCount }))),
    repairCount: repairs.length,
    link,
    shortLink: data.overviewLink ?? firstRepair.shortLink ?? firstRepair.link,
    actionable: !INFORMATIONAL.includes(kind),
    technical: TECHNICAL.includes(kind),
    repairs,
    providers,
    kindValues: { orgName: data.orgName, provider, providerCount: providerNames.length, storeCount, location: firstStore?.label || data.orgName, link, fixed: repairs.every((r) => r.resolution === 'merchant_portal') ? 'store' : 'account', by: data.acknowledgedBy?.trim() ?? '' },
  };
}

const SMS_NAME_MAX = 40;

export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  // By code point: a cut never leaves half an emoji (a lone surrogate) in the SMS.
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** The view an SMS reads: names cut short (a long organization name cannot push it past a few
 * segments) and the short link. */
export function smsView(view: AlertView): AlertView {
  const orgName = shorten(view.orgName, SMS_NAME_MAX);
  const location = shorten(view.kindValues.location, SMS_NAME_MAX);
  return { ...view, orgName, link: view.shortLink, kindValues: { ...view.kindValues, orgName, location, link: view.shortLink } };
}

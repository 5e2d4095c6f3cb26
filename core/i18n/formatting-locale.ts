// Texts are chosen by language; numbers, money and dates follow a region too (pt-PT writes "1240 €",
// a Dublin kitchen reads "23 Nov 2026, 09:30"). This module is the one place that builds formatters.
import { DateTime } from 'luxon';
import { pickLocale, type Locale } from './locales.js';

/** The region each language is written in for our merchants; English follows the organization. */
const REGION_OF: Record<Exclude<Locale, 'en'>, string> = { pt: 'pt-PT', es: 'es-ES', fr: 'fr-FR', it: 'it-IT' };

/** Zones whose English is not the default of their continent. */
const ENGLISH_BY_ZONE: Record<string, string> = {
  'Europe/Dublin': 'en-IE',
  'Europe/Gibraltar': 'en-GI',
  'Europe/Malta': 'en-MT',
  'America/Toronto': 'en-CA',
  'America/Vancouver': 'en-CA',
  'America/Edmonton': 'en-CA',
  'America/Winnipeg': 'en-CA',
  'America/Halifax': 'en-CA',
  'America/St_Johns': 'en-CA',
  'America/Regina': 'en-CA',
  'Pacific/Auckland': 'en-NZ',
  'Asia/Singapore': 'en-SG',
  'Asia/Hong_Kong': 'en-HK',
  'Asia/Kolkata': 'en-IN',
  'Africa/Johannesburg': 'en-ZA',
};

const ENGLISH_BY_CONTINENT: Record<string, string> = { Europe: 'en-GB', America: 'en-US', Australia: 'en-AU' };

function englishFor(tag: string | null | undefined, timeZone: string | undefined): string {
  // An organization whose locale already names a region ("en-AU") keeps it.
  const region = tag?.split(/[-_]/)[1];
  if (region && /^[A-Za-z]{2}$/.test(region)) return `en-${region.toUpperCase()}`;
  if (!timeZone) return 'en';
  return ENGLISH_BY_ZONE[timeZone] ?? ENGLISH_BY_CONTINENT[timeZone.split('/')[0] ?? ''] ?? 'en-US';
}

/** The BCP 47 tag numbers and dates are formatted with, for a reader's language and the organization's zone. */
export function formattingLocale(locale: string | null | undefined, timeZone?: string): string {
  const language = pickLocale([locale]);
  return language === 'en' ? englishFor(locale, timeZone) : REGION_OF[language];
}

/** Whole amounts: an estimate of lost sales has no meaningful cents. */
export function formatMoney(amount: number, currency: string, locale: string, timeZone: string): string {
  return new Intl.NumberFormat(formattingLocale(locale, timeZone), { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** Medium date and time in the organization's zone, with the zone's short name so "10:30" is never
 * ambiguous for a chain spread over several zones. */
export function formatDateTime(locale: string, iso: string, timeZone: string): string {
  const date = DateTime.fromISO(iso, { zone: 'utc' });
  if (!date.isValid) throw new Error(`not an ISO date: "${iso}"`);
  const zoned = date.setZone(timeZone);
  if (!zoned.isValid) throw new Error(`unknown time zone: "${timeZone}"`);
  return zoned.setLocale(formattingLocale(locale, timeZone)).toLocaleString({ ...DateTime.DATETIME_MED, timeZoneName: 'short' });
}

/** Whether the runtime knows an IANA zone (ICU decides, as it does when formatting). */
export function isKnownTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

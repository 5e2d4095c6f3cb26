// Dates in the reader's language and the organization's time zone (luxon), with the zone's short
// name so "10:30" is never ambiguous for a chain spread over several zones.
import { DateTime } from 'luxon';
import { pickLocale } from './locales.js';

export function formatDateTime(locale: string, iso: string, timeZone: string): string {
  const date = DateTime.fromISO(iso, { zone: 'utc' });
  if (!date.isValid) throw new Error(`not an ISO date: "${iso}"`);
  const zoned = date.setZone(timeZone);
  if (!zoned.isValid) throw new Error(`unknown time zone: "${timeZone}"`);
  return zoned.setLocale(pickLocale([locale])).toLocaleString({ ...DateTime.DATETIME_MED, timeZoneName: 'short' });
}

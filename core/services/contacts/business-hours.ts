// Support hours as people state them ("mon–fri 09:00–18:00 Europe/Madrid", several ranges) and
// the arithmetic on them: is it open now, when does it open next, what is N business hours later.
// Wall-clock times are read in each range's own zone, so DST changes shift nothing people said.
import { DateTime } from 'luxon';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export interface HoursRange {
  days: Weekday[];
  from: string;
  to: string;
  timezone: string;
}
export interface Calendar {
  ranges: HoursRange[];
  /** Local dates (YYYY-MM-DD) on which nobody works, in the ranges' own zones. */
  holidays?: string[];
}

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MAX_DAYS_SCANNED = 400;

interface Interval {
  start: number;
  end: number;
}

function minutesOf(clock: string): { hour: number; minute: number } {
  const [h, m] = clock.split(':').map(Number);
  return { hour: h ?? 0, minute: m ?? 0 };
}

/** The open intervals (epoch ms) of one range on the local date containing `day`. */
function intervalOn(range: HoursRange, day: DateTime, holidays: Set<string>): Interval | null {
  const local = day.setZone(range.timezone);
  if (!range.days.includes(WEEKDAYS[local.weekday - 1]!) || holidays.has(local.toISODate() ?? '')) return null;
  const from = local.set({ ...minutesOf(range.from), second: 0, millisecond: 0 });
  const to = range.to === '24:00' ? local.startOf('day').plus({ days: 1 }) : local.set({ ...minutesOf(range.to), second: 0, millisecond: 0 });
  return to > from ? { start: from.toMillis(), end: to.toMillis() } : null;
}

/** Open intervals overlapping the days around `from`, day by day (sorted within a day, not merged), scanning forward. */
function* openIntervals(calendar: Calendar, fromMs: number): Generator<Interval> {
  const holidays = new Set(calendar.holidays ?? []);
  let day = DateTime.fromMillis(fromMs, { zone: 'utc' }).minus({ days: 1 }).startOf('day');
  for (let i = 0; i < MAX_DAYS_SCANNED; i += 1, day = day.plus({ days: 1 })) {
    const today = calendar.ranges
      .map((r) => intervalOn(r, day.plus({ hours: 12 }), holidays))
      .filter((x): x is Interval => x !== null && x.end > fromMs)
      .sort((a, b) => a.start - b.start);
    for (const interval of today) yield interval;
  }
}

/** How far ahead an opening or a closing is looked for. */
const LOOK_AHEAD_MS = 36 * 3600_000;
const DAY_MS = 24 * 3600_000;

export const isOpenAt = (calendar: Calendar, at: Date): boolean => openStateAt(calendar, at).open;

/**
 * Whether the calendar is open at `at`, and until when that answer holds: the next instant any
 * range opens or closes (at most 36 h ahead), so a caller may keep the answer until then.
 */
export function openStateAt(calendar: Calendar, at: Date): { open: boolean; until: Date } {
  const t = at.getTime();
  let open = false;
  const horizon = t + LOOK_AHEAD_MS;
  let until = horizon;
  for (const interval of openIntervals(calendar, t)) {
    // Days come in order, but a day's ranges in zones far apart do not: a range met past the horizon
    // may come before one that opens within it, from the next day. Two days past it, none can.
    if (interval.start > horizon + 2 * DAY_MS) break;
    if (interval.start > horizon) continue;
    if (interval.start <= t) open = true;
    else until = Math.min(until, interval.start);
    until = Math.min(until, interval.end);
  }
  return { open, until: new Date(until) };
}

/** `at` itself when open, else the next opening; null when the calendar never opens. */
export function nextOpening(calendar: Calendar, at: Date): Date | null {
  const t = at.getTime();
  for (const interval of openIntervals(calendar, t)) {
    if (interval.end > t) return new Date(Math.max(interval.start, t));
  }
  return null;
}

/** The instant `hours` business hours after `start` (overlapping ranges count once). */
export function addBusinessHours(calendar: Calendar, start: Date, hours: number): Date | null {
  let remaining = hours * 3600_000;
  let cursor = start.getTime();
  for (const interval of openIntervals(calendar, cursor)) {
    const begin = Math.max(interval.start, cursor);
    if (interval.end <= begin) continue;
    const available = interval.end - begin;
    if (available >= remaining) return new Date(begin + remaining);
    remaining -= available;
    cursor = interval.end;
  }
  return null;
}

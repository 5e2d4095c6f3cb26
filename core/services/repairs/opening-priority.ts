// A new repair's opening sends its first alert: ahead of ordinary work while the organization is
// open by its business hours (none stated: always open); otherwise people would not read it yet.
// Intake asks this for every new repair, and in a mass outage the same few calendars over and over:
// an answer is kept until the calendar next opens or closes (computing it took 6 % of the API's
// time in a flood's intake).
import { openStateAt, type Calendar } from '../contacts/business-hours.js';
import { PRIORITY, type PriorityLevel } from '../../temporal/priorities.js';

/** Distinct calendars kept; the oldest goes first past it. */
const MAX_KEPT = 1000;
const kept = new Map<string, { open: boolean; from: number; until: number }>();

/** `hoursText`: the organization's support hours as PostgreSQL's text of the JSON (null: no contacts yet). */
export function openingPriority(hoursText: string | null, now = new Date()): PriorityLevel {
  return hoursText === null || isOpen(hoursText, now) ? PRIORITY.firstAlert : PRIORITY.repair;
}

function isOpen(hoursText: string, now: Date): boolean {
  const known = kept.get(hoursText);
  if (known && known.from <= now.getTime() && now.getTime() < known.until) return known.open;
  const calendar: Calendar = { ranges: JSON.parse(hoursText) as Calendar['ranges'] };
  const state = calendar.ranges.length === 0 ? { open: true, from: Number.NEGATIVE_INFINITY, until: Number.POSITIVE_INFINITY } : keptFormOf(openStateAt(calendar, now), now);
  kept.delete(hoursText);
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(hoursText, state);
  return state.open;
}

/** Kept from the instant asked (the answer may not hold before it) to the next opening or closing. */
const keptFormOf = (state: { open: boolean; until: Date }, now: Date) => ({ open: state.open, from: now.getTime(), until: state.until.getTime() });

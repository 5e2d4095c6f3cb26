// The one rule for planned closures (a holiday, a renovation, any chosen range): how a closure stated
// in local wall-clock time becomes an instant window, when it is refused, and when a location, or a
// repair's set of locations, is quiet. The API, the pages and the alert delivery all call this file.
import { DateTime } from 'luxon';
import { isKnownTimeZone } from '../../i18n/index.js';

/** A closure as people state it: local date-times (`YYYY-MM-DDTHH:mm`) in one IANA time zone. */
export interface ClosureStatement {
  startsLocal: string;
  endsLocal: string;
  timezone: string;
}
/** The same closure as instants (epoch ms), end excluded. */
export interface ClosureWindow {
  start: number;
  end: number;
}
export interface ClosureProblem {
  field: 'startsLocal' | 'endsLocal' | 'timezone';
  reason: string;
}

/** Longer than this is no "planned closure" but a location that should be removed. */
export const MAX_CLOSURE_DAYS = 366;
const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** A wall-clock time that exists in the zone (not in a spring-forward gap), as an instant. */
function instantOf(local: string, zone: string): number | string {
  const dt = DateTime.fromFormat(local, LOCAL_FORMAT, { zone });
  if (!dt.isValid) return 'must be a local date and time, YYYY-MM-DDTHH:mm';
  // Luxon moves a time that a DST change skips; people meant a time that exists.
  if (dt.toFormat(LOCAL_FORMAT) !== local) return 'does not exist in this time zone (the clocks skip it)';
  return dt.toMillis();
}

/** The window of a stated closure, or what is wrong with it (each problem names its field). */
export function closureWindow(statement: ClosureStatement, now: number): { window: ClosureWindow } | { problems: ClosureProblem[] } {
  if (!isKnownTimeZone(statement.timezone)) return { problems: [{ field: 'timezone', reason: 'unknown time zone' }] };
  const start = instantOf(statement.startsLocal, statement.timezone);
  const end = instantOf(statement.endsLocal, statement.timezone);
  const problems: ClosureProblem[] = [];
  if (typeof start === 'string') problems.push({ field: 'startsLocal', reason: start });
  if (typeof end === 'string') problems.push({ field: 'endsLocal', reason: end });
  if (typeof start === 'number' && typeof end === 'number') {
    if (end <= start) problems.push({ field: 'endsLocal', reason: 'must be later than the start' });
    else if (end - start > MAX_CLOSURE_DAYS * 86_400_000) problems.push({ field: 'endsLocal', reason: `a closure lasts at most ${MAX_CLOSURE_DAYS} days` });
    else if (end <= now) problems.push({ field: 'endsLocal', reason: 'must be in the future: a closure that is over changes nothing' });
  }
  return problems.length > 0 || typeof start !== 'number' || typeof end !== 'number' ? { problems } : { window: { start, end } };
}

/** Closures of one location that share time with `window` (back-to-back ones do not overlap). */
export function overlapping<T extends ClosureWindow>(window: ClosureWindow, existing: readonly T[]): T[] {
  return existing.filter((c) => c.start < window.end && window.start < c.end);
}

/** When the closure covering `at` ends, following back-to-back closures; null when the location is open. */
export function closedUntil(closures: readonly ClosureWindow[], at: number): number | null {
  let until: number | null = null;
  let cursor = at;
  for (;;) {
    const covering = closures.find((c) => c.start <= cursor && cursor < c.end);
    if (!covering) return until;
    until = covering.end;
    cursor = covering.end;
  }
}

/**
 * A repair is quiet while every location it affects is closed: alerts wait until the first of them
 * reopens (someone there can act). One open location, or none known, means no quiet at all.
 */
export function quietUntil(closuresByLocation: ReadonlyMap<string, readonly ClosureWindow[]>, locationIds: readonly string[], at: number): number | null {
  if (locationIds.length === 0) return null;
  let earliest = Infinity;
  for (const location of locationIds) {
    const until = closedUntil(closuresByLocation.get(location) ?? [], at);
    if (until === null) return null;
    earliest = Math.min(earliest, until);
  }
  return earliest;
}

// The closure rule on its own: local times in a zone become instants, DST gaps and bad ranges are
// refused with the field named, and a repair is quiet only while all its locations are closed.
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { closedUntil, closureWindow, overlapping, quietUntil } from '../../core/services/closures/closure-rule.js';

const at = (iso: string, zone = 'Europe/Madrid') => DateTime.fromISO(iso, { zone }).toMillis();
const NOW = at('2026-12-01T12:00');

describe('closure window', () => {
  it('reads the local times in the closure\'s zone', () => {
    const result = closureWindow({ startsLocal: '2026-12-24T22:00', endsLocal: '2026-12-26T00:00', timezone: 'America/New_York' }, NOW);
    expect(result).toEqual({ window: { start: Date.parse('2026-12-25T03:00:00Z'), end: Date.parse('2026-12-26T05:00:00Z') } });
  });

  it('names the field of each mistake', () => {
    expect(closureWindow({ startsLocal: '2026-12-24T10:00', endsLocal: '2026-12-24T09:00', timezone: 'Europe/Madrid' }, NOW)).toEqual({ problems: [{ field: 'endsLocal', reason: 'must be later than the start' }] });
    expect(closureWindow({ startsLocal: '2026-12-24T10:00', endsLocal: '2026-12-25T10:00', timezone: 'Mars/Olympus' }, NOW)).toEqual({ problems: [{ field: 'timezone', reason: 'unknown time zone' }] });
    expect(closureWindow({ startsLocal: '2026-13-24T10:00', endsLocal: '2026-12-25T10:00', timezone: 'Europe/Madrid' }, NOW)).toMatchObject({ problems: [{ field: 'startsLocal' }] });
    expect(closureWindow({ startsLocal: '2026-11-01T10:00', endsLocal: '2026-11-02T10:00', timezone: 'Europe/Madrid' }, NOW)).toMatchObject({ problems: [{ field: 'endsLocal', reason: expect.stringContaining('future') }] });
    expect(closureWindow({ startsLocal: '2027-01-01T00:00', endsLocal: '2028-06-01T00:00', timezone: 'Europe/Madrid' }, NOW)).toMatchObject({ problems: [{ field: 'endsLocal', reason: expect.stringContaining('366') }] });
  });

  it('refuses a time the clocks skip, and accepts a closure that started earlier today', () => {
    // 2027-03-28 02:30 does not exist in Madrid (02:00 → 03:00).
    expect(closureWindow({ startsLocal: '2027-03-28T02:30', endsLocal: '2027-03-29T00:00', timezone: 'Europe/Madrid' }, NOW)).toMatchObject({ problems: [{ field: 'startsLocal', reason: expect.stringContaining('skip') }] });
    expect(closureWindow({ startsLocal: '2026-12-01T08:00', endsLocal: '2026-12-01T20:00', timezone: 'Europe/Madrid' }, NOW)).toHaveProperty('window');
  });
});

describe('quiet', () => {
  const a = { start: at('2026-12-24T00:00'), end: at('2026-12-25T00:00') };
  const b = { start: at('2026-12-25T00:00'), end: at('2026-12-26T00:00') };

  it('back-to-back closures do not overlap, and are one quiet stretch', () => {
    expect(overlapping(b, [a])).toEqual([]);
    expect(overlapping({ start: a.start + 1, end: b.end }, [a])).toEqual([a]);
    expect(closedUntil([b, a], at('2026-12-24T10:00'))).toBe(b.end);
    expect(closedUntil([a], at('2026-12-25T00:00'))).toBeNull();
  });

  it('a repair is quiet only while every location it touches is closed, until the first reopens', () => {
    const closures = new Map([['loc_1', [a, b]], ['loc_2', [a]]]);
    expect(quietUntil(closures, ['loc_1', 'loc_2'], at('2026-12-24T10:00'))).toBe(a.end);
    expect(quietUntil(closures, ['loc_1', 'loc_2'], at('2026-12-25T10:00'))).toBeNull();
    expect(quietUntil(closures, ['loc_1'], at('2026-12-25T10:00'))).toBe(b.end);
    expect(quietUntil(closures, ['loc_1', 'loc_3'], at('2026-12-24T10:00'))).toBeNull();
    expect(quietUntil(closures, [], at('2026-12-24T10:00'))).toBeNull();
  });
});

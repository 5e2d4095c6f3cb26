import { describe, expect, it } from 'vitest';
import { addBusinessHours, isOpenAt, nextOpening, openStateAt, type Calendar } from '../../core/services/contacts/business-hours.js';
import { openingPriority } from '../../core/services/repairs/opening-priority.js';
import { PRIORITY } from '../../core/temporal/priorities.js';

const madrid: Calendar = { ranges: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '18:00', timezone: 'Europe/Madrid' }] };
const split: Calendar = {
  ranges: [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '13:00', timezone: 'Europe/Madrid' },
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '12:00', to: '17:00', timezone: 'Europe/Madrid' },
    { days: ['sat'], from: '10:00', to: '14:00', timezone: 'Europe/Madrid' },
  ],
};
const newYork: Calendar = { ranges: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '20:00', timezone: 'America/New_York' }], holidays: ['2026-11-26'] };
const farApart: Calendar = {
  ranges: [
    { days: ['mon'], from: '18:00', to: '22:00', timezone: 'Pacific/Auckland' },
    { days: ['mon'], from: '00:00', to: '01:00', timezone: 'Europe/Madrid' },
  ],
};
const sydney: Calendar = { ranges: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00', timezone: 'Australia/Sydney' }] };

describe('isOpenAt', () => {
  it.each([
    ['a Monday 10:00 in Madrid (09:00Z)', madrid, '2026-11-23T09:00:00Z', true],
    ['a Monday 08:59 in Madrid', madrid, '2026-11-23T07:59:00Z', false],
    ['a Monday 18:00 in Madrid (closing instant)', madrid, '2026-11-23T17:00:00Z', false],
    ['a Saturday noon in Madrid', madrid, '2026-11-28T11:00:00Z', false],
    ['Saturday morning with a Saturday range', split, '2026-11-28T10:00:00Z', true],
    ['Thanksgiving in New York (a holiday)', newYork, '2026-11-26T15:00:00Z', false],
    ['a Monday 09:30 in Sydney (Sunday 22:30Z)', sydney, '2026-11-22T22:30:00Z', true],
    ['summer time in Madrid: 09:30 local is 07:30Z', madrid, '2026-07-06T07:30:00Z', true],
  ])('%s', (_name, calendar, at, open) => {
    expect(isOpenAt(calendar, new Date(at))).toBe(open);
  });
});

describe('openStateAt', () => {
  it.each([
    ['open: until it closes', madrid, '2026-11-23T09:00:00Z', true, '2026-11-23T17:00:00.000Z'],
    ['closed early on Monday: until it opens', madrid, '2026-11-23T06:00:00Z', false, '2026-11-23T08:00:00.000Z'],
    ['overlapping ranges: until the next range boundary', split, '2026-11-23T10:30:00Z', true, '2026-11-23T11:00:00.000Z'],
    ['closed with nothing within 36 h (a weekend): for 36 h', madrid, '2026-11-27T18:00:00Z', false, '2026-11-29T06:00:00.000Z'],
    // Auckland's Monday evening (05:00Z) comes a day before Madrid's Monday midnight (Sunday 23:00Z) in the scan.
    ['ranges in zones far apart: until the one that opens first', farApart, '2026-11-28T12:00:00Z', false, '2026-11-29T23:00:00.000Z'],
  ])('%s', (_name, calendar, at, open, until) => {
    expect(openStateAt(calendar, new Date(at))).toEqual({ open, until: new Date(until) });
  });
});

describe('openingPriority', () => {
  it('keeps an answer only until the hours open or close', () => {
    const hours = JSON.stringify(madrid.ranges);
    expect(openingPriority(hours, new Date('2026-11-23T16:59:59Z'))).toBe(PRIORITY.firstAlert);
    expect(openingPriority(hours, new Date('2026-11-23T17:00:00Z'))).toBe(PRIORITY.repair);
    expect(openingPriority(hours, new Date('2026-11-24T07:59:59Z'))).toBe(PRIORITY.repair);
    expect(openingPriority(hours, new Date('2026-11-24T08:00:00Z'))).toBe(PRIORITY.firstAlert);
  });

  it('keeps an answer per calendar, and not before the instant it was asked at', () => {
    const at = new Date('2026-11-23T09:30:00Z');
    expect(openingPriority(JSON.stringify(madrid.ranges), at)).toBe(PRIORITY.firstAlert);
    expect(openingPriority(JSON.stringify(newYork.ranges), at)).toBe(PRIORITY.repair);
    expect(openingPriority(JSON.stringify(madrid.ranges), new Date('2026-11-23T07:59:00Z'))).toBe(PRIORITY.repair);
  });

  it('treats no contacts and no hours stated as open', () => {
    expect(openingPriority(null)).toBe(PRIORITY.firstAlert);
    expect(openingPriority('[]')).toBe(PRIORITY.firstAlert);
  });
});

describe('nextOpening', () => {
  it.each([
    ['open now', madrid, '2026-11-23T10:00:00Z', '2026-11-23T10:00:00.000Z'],
    ['Friday evening → Monday 09:00 Madrid', madrid, '2026-11-27T18:00:00Z', '2026-11-30T08:00:00.000Z'],
    ['before the holiday → the day after', newYork, '2026-11-26T02:00:00Z', '2026-11-27T13:00:00.000Z'],
    ['across the spring DST change', madrid, '2026-03-28T12:00:00Z', '2026-03-30T07:00:00.000Z'],
  ])('%s', (_name, calendar, at, expected) => {
    expect(nextOpening(calendar, new Date(at))?.toISOString()).toBe(expected);
  });

  it('answers null for a calendar that never opens', () => {
    expect(nextOpening({ ranges: [] }, new Date())).toBeNull();
  });
});

describe('addBusinessHours', () => {
  it.each([
    ['24 h from Monday 09:00 Madrid = Wednesday 15:00', madrid, '2026-11-23T08:00:00Z', 24, '2026-11-25T14:00:00.000Z'],
    ['from Friday 17:00 Madrid, 2 h → Monday 10:00', madrid, '2026-11-27T16:00:00Z', 2, '2026-11-30T09:00:00.000Z'],
    ['overlapping ranges count once (09–17 = 8 h a day)', split, '2026-11-23T08:00:00Z', 8, '2026-11-23T16:00:00.000Z'],
    ['Friday 16:00–17:00 then Saturday from 10:00', split, '2026-11-27T15:00:00Z', 3, '2026-11-28T11:00:00.000Z'],
    ['a holiday is skipped: Wednesday 12 h + Friday 12 h', newYork, '2026-11-25T13:00:00Z', 24, '2026-11-28T01:00:00.000Z'],
    ['across the autumn DST change in Madrid: 18:00 local is 17:00Z again', madrid, '2026-10-23T07:00:00Z', 18, '2026-10-26T17:00:00.000Z'],
  ])('%s', (_name, calendar, start, hours, expected) => {
    expect(addBusinessHours(calendar, new Date(start), hours)?.toISOString()).toBe(expected);
  });
});

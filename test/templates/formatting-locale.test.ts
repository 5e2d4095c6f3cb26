// Texts follow the reader's language; numbers, money and dates follow its region: pt-PT always, and
// English as the organization's country writes it (Dublin, London, Chicago read different dates).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formattingLocale } from '../../core/i18n/index.js';
import type { Locale } from '../../core/i18n/index.js';
import type { RepairRow, StoreRow } from '../../core/db/entities/index.js';
import { estimatedLoss } from '../../activities/alerts/repair-lines.js';
import { lostPerHour } from '../../api/pages/repair-labels.js';
import { renderAlert } from '../../templates/render-alert.js';
import { base, reconnectRepair } from './alert-fixtures.js';

const NOW = new Date('2026-11-23T09:30:00Z');

describe('formattingLocale', () => {
  it.each([
    ['pt', 'Europe/Lisbon', 'pt-PT'],
    ['pt-BR', 'America/Sao_Paulo', 'pt-PT'],
    ['es', 'Europe/Madrid', 'es-ES'],
    ['fr', 'Europe/Paris', 'fr-FR'],
    ['it', 'Europe/Rome', 'it-IT'],
    ['en', 'Europe/Dublin', 'en-IE'],
    ['en', 'Europe/London', 'en-GB'],
    ['en', 'Europe/Berlin', 'en-GB'],
    ['en', 'America/Chicago', 'en-US'],
    ['en', 'America/Toronto', 'en-CA'],
    ['en', 'Australia/Sydney', 'en-AU'],
    ['en', 'Asia/Tokyo', 'en-US'],
    ['en-AU', 'Europe/London', 'en-AU'],
  ])('%s in %s formats as %s', (locale, zone, expected) => {
    expect(formattingLocale(locale, zone)).toBe(expected);
  });
});

// A connection open five hours at stores selling 248 an hour on Uber Eats: 1240 lost.
function lossFor(locale: Locale, timeZone: string, currency: string): string {
  const repair = { provider: 'uber_eats', openedAt: new Date(NOW.getTime() - 5 * 3600_000), resolvedAt: null } as unknown as RepairRow;
  const store = { salesProfile: { uber_eats: { ordersPerHour: 10, averageOrderValue: 24.8, currency } } } as unknown as StoreRow;
  return estimatedLoss(repair, [store], locale, timeZone).estimatedLostRevenue ?? '';
}

function rendered(locale: Locale, timezone: string, currency: string) {
  const data = { ...base, timezone, repairs: [{ ...reconnectRepair, estimatedLostRevenue: lossFor(locale, timezone, currency) }] };
  return { email: renderAlert('action_needed', 'email', locale, data), ticket: renderAlert('action_needed', 'ticket', locale, data) };
}

describe('money and dates in what merchants read', () => {
  beforeAll(() => vi.useFakeTimers({ now: NOW, toFake: ['Date'] }));
  afterAll(() => vi.useRealTimers());

  it('a Lisbon organization reads pt-PT: "1240 €", day/month dates and the zone\'s own name', () => {
    expect(lossFor('pt', 'Europe/Lisbon', 'EUR')).toBe('1240\u00a0€ (248\u00a0€ por hora)');
    const { email, ticket } = rendered('pt', 'Europe/Lisbon', 'EUR');
    for (const text of [email.text, email.html!, ticket.text]) expect(text).toContain('1240\u00a0€');
    for (const text of [email.text, ticket.text]) expect(text).toContain('23/11/2026, 09:30 WET');
    expect(lostPerHour([{ lostSales: { revenuePerHour: 12400, currency: 'EUR' } }], 'pt', 'Europe/Lisbon')).toBe('12\u00a0400\u00a0€');
  });

  it('a Dublin organization reads English as Ireland writes it', () => {
    expect(lossFor('en', 'Europe/Dublin', 'EUR')).toBe('€1,240 (€248 per hour)');
    const { email, ticket } = rendered('en', 'Europe/Dublin', 'EUR');
    for (const text of [email.text, ticket.text]) expect(text).toContain('23 Nov 2026, 09:30 GMT');
    expect(email.text).not.toMatch(/AM|PM/);
  });

  it('a Chicago organization reads American English', () => {
    expect(lossFor('en', 'America/Chicago', 'USD')).toBe('$1,240 ($248 per hour)');
    const { email, ticket } = rendered('en', 'America/Chicago', 'USD');
    // ICU puts a narrow no-break space before AM; the e-mail's text hygiene makes it a plain one.
    for (const text of [email.text, ticket.text]) expect(text).toMatch(/Nov 23, 2026, 3:30\sAM CST/);
    expect(lostPerHour([{ lostSales: { revenuePerHour: 248, currency: 'USD' } }], 'en', 'America/Chicago')).toBe('$248');
  });
});

const PRODUCTION = ['api', 'activities', 'core', 'templates', 'workflows', 'worker.ts'];
const HELPER = join('core', 'i18n', 'formatting-locale.ts');

function sources(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith('.ts') ? [path] : [];
  return readdirSync(path).flatMap((name) => sources(join(path, name)));
}

it('only the formatting helper builds number and date formatters', () => {
  const offenders = PRODUCTION.flatMap(sources)
    .filter((file) => file !== HELPER)
    .filter((file) => /Intl\.(NumberFormat|DateTimeFormat)\(|\.setLocale\(|toLocale(Date|Time)?String\(/.test(readFileSync(file, 'utf8')));
  expect(offenders).toEqual([]);
});

import { describe, expect, it } from 'vitest';
import { lostSales } from '../../core/services/repairs/lost-sales.js';
import type { RepairRow } from '../../core/db/entities/index.js';

const repair = (openedAt: string, resolvedAt: string | null = null) => ({ provider: 'uber_eats', openedAt: new Date(openedAt), resolvedAt: resolvedAt ? new Date(resolvedAt) : null }) as unknown as RepairRow;
const store = (ordersPerHour: number, averageOrderValue: number) => ({ salesProfile: { uber_eats: { ordersPerHour, averageOrderValue, currency: 'EUR' }, deliveroo: { ordersPerHour: 99, averageOrderValue: 99, currency: 'EUR' } } });

describe('lost-sales estimate', () => {
  it('adds up the affected stores of the repair\'s provider over the hours it stayed open', () => {
    const result = lostSales(repair('2026-11-23T10:00:00Z'), [store(6, 20), store(4, 25)], new Date('2026-11-23T12:30:00Z'));
    expect(result).toEqual({ hoursOpen: 2.5, ordersPerHour: 10, revenuePerHour: 220, ordersLost: 25, revenueLost: 550, currency: 'EUR' });
  });

  it('stops counting when the repair is resolved', () => {
    expect(lostSales(repair('2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z'), [store(6, 20)], new Date('2026-11-24T00:00:00Z'))?.revenueLost).toBe(120);
  });

  it('says nothing when no store has figures for the provider', () => {
    expect(lostSales(repair('2026-11-23T10:00:00Z'), [{ salesProfile: null }])).toBeNull();
  });
});

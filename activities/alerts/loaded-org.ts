// The organization an alert window speaks of, with its repairs, their stores and the stores'
// location and brand names, loaded once so every recipient's message is built from the same rows.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Brand, Location, Org, Repair, Store, type OrgRow, type RepairRow, type StoreRow } from '../../core/db/entities/index.js';

export interface LoadedOrg {
  org: OrgRow;
  repairs: Map<string, RepairRow>;
  stores: Map<string, StoreRow>;
  names: { locations: Map<string, string>; brands: Map<string, string> };
}

export async function loadOrg(em: EntityManager, orgId: string, repairIds: string[]): Promise<LoadedOrg> {
  const org = await em.findOneOrFail(Org, { id: orgId });
  const repairs = await em.find(Repair, { id: { $in: repairIds } });
  const stores = await em.find(Store, { id: { $in: [...new Set(repairs.flatMap((r) => r.storeIds))] } });
  const locations = await em.find(Location, { id: { $in: stores.map((s) => s.location) } });
  const brands = await em.find(Brand, { id: { $in: stores.map((s) => s.brand) } });
  return {
    org,
    repairs: new Map(repairs.map((r) => [r.id, r])),
    stores: new Map(stores.map((s) => [s.id, s])),
    names: { locations: new Map(locations.map((l) => [l.id, l.name])), brands: new Map(brands.map((b) => [b.id, b.name])) },
  };
}

// An organization's open repairs with their affected stores (location and brand): what the
// "Disconnected channels" widget and the repair dialog list.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Repair, Store } from '../../../db/entities/index.js';
import { lostSales } from '../../../estimates/lost-sales.js';
import { CLOSED_STATES } from '../../../workflows/repair-rules.js';
import { repairSummary, storeViews } from './repair-view.js';

export async function openRepairsOf(em: EntityManager, orgId: string, limit = 200) {
  const repairs = await em.find(Repair, { org: orgId, state: { $nin: [...CLOSED_STATES] } }, { orderBy: { openedAt: 'asc', id: 'asc' }, limit });
  const stores = await em.find(Store, { id: { $in: [...new Set(repairs.flatMap((r) => r.storeIds))] } });
  const views = new Map((await storeViews(em, stores)).map((v) => [v.id, v]));
  const rows = new Map(stores.map((s) => [s.id, s]));
  return repairs.map((r) => ({
    ...repairSummary(r),
    stores: r.storeIds.flatMap((id) => views.get(id) ?? []),
    lostSales: lostSales(r, r.storeIds.flatMap((id) => rows.get(id) ?? [])),
  }));
}

export type OpenRepair = Awaited<ReturnType<typeof openRepairsOf>>[number];

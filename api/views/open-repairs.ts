// An organization's open repairs with their affected stores (location and brand): what the
// "Disconnected channels" widget and the repair dialog list.
import type { EntityManager } from '@mikro-orm/postgresql';
import { readOpenRepairs } from '../../core/services/repairs/repair-reads.js';
import { repairLostSales, repairSummary } from './repair-view.js';

export async function openRepairsOf(em: EntityManager, orgId: string, limit = 200) {
  const now = new Date();
  return (await readOpenRepairs(em, orgId, limit)).map((r) => ({
    ...repairSummary(r),
    stores: r.stores,
    lostSales: repairLostSales(r, now),
  }));
}

export type OpenRepair = Awaited<ReturnType<typeof openRepairsOf>>[number];

import type { EntityManager } from '@mikro-orm/postgresql';
import { Repair, type RepairRow } from '../../db/entities/index.js';
import { notFound } from '../problem.js';

/** The repair, or a 404 problem naming it. */
export async function findRepair(em: EntityManager, repairId: string): Promise<RepairRow> {
  const repair = await em.findOne(Repair, { id: repairId });
  if (!repair) throw notFound('repair', repairId);
  return repair;
}

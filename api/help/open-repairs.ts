// What the assistant knows about the merchant: their organization's open repairs, with the places
// they affect, so an answer can start from "your Uber Eats account … is waiting for a code".
// Only the asking organization's repairs are ever read.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Location, Repair, Store } from '../../core/db/entities/index.js';
import { findProvider } from '../../core/providers/index.js';
import { CLOSED_STATES } from '../../workflows/repair/repair-rules.js';

export interface OpenRepair {
  repairId: string;
  provider: string;
  providerName: string;
  accountRef: string;
  state: string;
  errorType: string | null;
  cause: string | null;
  /** Location names of the affected stores, each once. */
  locations: string[];
}

/** An organization has a handful of open repairs; past this many the assistant names the newest. */
const MOST = 20;

/** The organization's open repairs, newest first (one repair only, for a session scoped to it). */
export async function openRepairsOf(em: EntityManager, orgId: string, onlyRepairId?: string | null): Promise<OpenRepair[]> {
  const rows = await em.find(
    Repair,
    { org: orgId, state: { $nin: [...CLOSED_STATES] }, ...(onlyRepairId ? { id: onlyRepairId } : {}) },
    { orderBy: { openedAt: 'desc', id: 'asc' }, limit: MOST },
  );
  const storeIds = [...new Set(rows.flatMap((r) => r.storeIds))];
  const stores = storeIds.length ? await em.find(Store, { id: { $in: storeIds }, org: orgId }) : [];
  const locations = stores.length ? await em.find(Location, { id: { $in: [...new Set(stores.map((s) => s.location))] }, org: orgId }) : [];
  const locationOf = new Map(stores.map((s) => [s.id, locations.find((l) => l.id === s.location)?.name ?? '']));
  return rows.map((r) => ({
    repairId: r.id,
    provider: r.provider,
    providerName: findProvider(r.provider)?.name ?? r.provider,
    accountRef: r.accountRef,
    state: r.state,
    errorType: r.errorType ?? null,
    cause: r.cause ?? null,
    locations: [...new Set(r.storeIds.map((id) => locationOf.get(id) ?? '').filter((name) => name.length > 0))],
  }));
}

/** The repairs a question is about: those of the provider it names, else all of them. */
export function repairsAbout(repairs: readonly OpenRepair[], provider: string | undefined): OpenRepair[] {
  return provider ? repairs.filter((r) => r.provider === provider) : [...repairs];
}

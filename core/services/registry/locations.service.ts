import type { EntityManager } from '@mikro-orm/postgresql';
import { Location, type LocationRow } from '../../db/entities/index.js';
import { newId } from '../../db/ids.js';
import { findInOrg, type Page } from './lookup.js';
import { getOrg } from './orgs.service.js';

export async function createLocation(em: EntityManager, orgId: string, input: { name: string; timezone?: string }): Promise<LocationRow> {
  await getOrg(em, orgId);
  const location = em.create(Location, { id: newId('loc'), org: orgId, name: input.name, timezone: input.timezone ?? null });
  await em.flush();
  return location;
}

export const getLocation = (em: EntityManager, orgId: string, id: string) => findInOrg(em, Location, orgId, id, 'location');

export async function listLocations(em: EntityManager, orgId: string, page: Page): Promise<LocationRow[]> {
  await getOrg(em, orgId);
  return em.find(Location, { org: orgId }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: page.limit, offset: page.offset });
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { Brand, type BrandRow } from '../../db/entities/index.js';
import { newId } from '../../db/ids.js';
import { findInOrg, type Page } from './lookup.js';
import { getOrg } from './orgs.service.js';

export async function createBrand(em: EntityManager, orgId: string, input: { name: string }): Promise<BrandRow> {
  await getOrg(em, orgId);
  const brand = em.create(Brand, { id: newId('brd'), org: orgId, name: input.name });
  await em.flush();
  return brand;
}

export const getBrand = (em: EntityManager, orgId: string, id: string) => findInOrg(em, Brand, orgId, id, 'brand');

export async function listBrands(em: EntityManager, orgId: string, page: Page): Promise<BrandRow[]> {
  await getOrg(em, orgId);
  return em.find(Brand, { org: orgId }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: page.limit, offset: page.offset });
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { Org, type OrgRow } from '../../db/entities/index.js';
import { newId } from '../../db/ids.js';
import { findOr404, type Page } from './lookup.js';

export interface NewOrg {
  name: string;
  locale: string;
  timezone: string;
  environment: 'sandbox' | 'production';
}

export async function createOrg(em: EntityManager, input: NewOrg): Promise<OrgRow> {
  const org = em.create(Org, { id: newId('org'), ...input });
  await em.flush();
  return org;
}

export const getOrg = (em: EntityManager, orgId: string) => findOr404(em, Org, orgId, 'organization');

export const listOrgs = (em: EntityManager, page: Page) =>
  em.find(Org, {}, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: page.limit, offset: page.offset });

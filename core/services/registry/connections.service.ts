import type { EntityManager } from '@mikro-orm/postgresql';
import { Connection, Store, type ConnectionRow } from '../../db/entities/index.js';
import { newId } from '../../db/ids.js';
import { isSelfRepairable } from '../../providers/index.js';
import { conflict, unprocessable } from '../problem.js';
import { findOr404, type Page } from './lookup.js';
import { getOrg } from './orgs.service.js';

export interface NewConnection {
  orgId: string;
  provider: string;
  accountRef: string;
  storeIds: string[];
}

async function checkStores(em: EntityManager, orgId: string, storeIds: string[]): Promise<void> {
  const found = await em.find(Store, { id: { $in: storeIds } });
  const byId = new Map(found.map((s) => [s.id, s]));
  const problems = storeIds.flatMap((id, i) => {
    const store = byId.get(id);
    if (!store) return [{ name: `body.storeIds.${i}`, in: 'body', reason: 'no store with this id' }];
    if (store.org !== orgId) return [{ name: `body.storeIds.${i}`, in: 'body', reason: 'the store belongs to another organization' }];
    return [];
  });
  if (problems.length) throw unprocessable('The connection lists stores it cannot serve.', problems);
}

export async function createConnection(em: EntityManager, input: NewConnection): Promise<ConnectionRow> {
  await getOrg(em, input.orgId);
  const storeIds = [...new Set(input.storeIds)];
  await checkStores(em, input.orgId, storeIds);
  if (await em.count(Connection, { org: input.orgId, provider: input.provider, accountRef: input.accountRef })) {
    throw conflict(`This organization already has a ${input.provider} connection for account ${input.accountRef}.`);
  }
  const connection = em.create(Connection, {
    id: newId('con'),
    org: input.orgId,
    provider: input.provider,
    accountRef: input.accountRef,
    selfRepairable: isSelfRepairable(input.provider),
    status: 'healthy',
    storeIds,
  });
  await em.flush();
  return connection;
}

export const getConnection = (em: EntityManager, id: string) => findOr404(em, Connection, id, 'connection');

export async function listConnections(em: EntityManager, orgId: string, page: Page & { status?: 'healthy' | 'needs_attention' }): Promise<ConnectionRow[]> {
  await getOrg(em, orgId);
  const where = page.status ? { org: orgId, status: page.status } : { org: orgId };
  return em.find(Connection, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: page.limit, offset: page.offset });
}

import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Brand, Location, Store, type StoreRow } from '../../db/entities/index.js';
import { newId } from '../../db/ids.js';
import { conflict, unprocessable, type InvalidParam } from '../problem.js';
import { findInOrg, type Page } from './lookup.js';
import { OutboundPolicy } from '../../../activities/outbound/outbound-policy.js';
import { parsePrinterAddress } from '../../../activities/channels/printer-sender.js';
import { getOrg } from './orgs.service.js';

/** A reference in a body must point at a row of the same organization; otherwise 422 names the field. */
async function checkOwned<T extends { org: string }>(em: EntityManager, entity: EntityName<T>, id: string, orgId: string, field: string, label: string): Promise<InvalidParam | null> {
  const row = await em.findOne(entity, { id } as never);
  if (!row) return { name: field, in: 'body', reason: `no ${label} with this id` };
  if (row.org !== orgId) return { name: field, in: 'body', reason: `the ${label} belongs to another organization` };
  return null;
}

/** A POS printer on the store's own network is reached through a public address; ours are never a printer. */
function printerProblem(outbound: OutboundPolicy, printerAddress: string | undefined): InvalidParam | null {
  if (printerAddress === undefined) return null;
  let target: { host: string; port: number };
  try {
    target = parsePrinterAddress(printerAddress);
  } catch {
    return { name: 'body.printerAddress', in: 'body', reason: 'is not host[:port]' };
  }
  const refusal = outbound.refusal(target.host, target.port);
  return refusal ? { name: 'body.printerAddress', in: 'body', reason: refusal } : null;
}

export async function createStore(em: EntityManager, orgId: string, input: { locationId: string; brandId: string; printerAddress?: string; alertPhones?: string[]; salesProfile?: StoreRow['salesProfile'] }, outbound = new OutboundPolicy()): Promise<StoreRow> {
  await getOrg(em, orgId);
  const printer = printerProblem(outbound, input.printerAddress);
  if (printer) throw unprocessable('Printers are reached at public addresses only.', [printer]);
  const problems = [
    await checkOwned(em, Location, input.locationId, orgId, 'body.locationId', 'location'),
    await checkOwned(em, Brand, input.brandId, orgId, 'body.brandId', 'brand'),
  ].filter((p): p is InvalidParam => p !== null);
  if (problems.length) throw unprocessable('The store refers to a location or brand it cannot use.', problems);
  if (await em.count(Store, { location: input.locationId, brand: input.brandId })) {
    throw conflict('This brand already has a store at this location.');
  }
  const store = em.create(Store, { id: newId('str'), org: orgId, location: input.locationId, brand: input.brandId, printerAddress: input.printerAddress ?? null, alertPhones: input.alertPhones ?? null, salesProfile: input.salesProfile ?? null });
  await em.flush();
  return store;
}

export const getStore = (em: EntityManager, orgId: string, id: string) => findInOrg(em, Store, orgId, id, 'store');

export async function listStores(em: EntityManager, orgId: string, page: Page): Promise<StoreRow[]> {
  await getOrg(em, orgId);
  return em.find(Store, { org: orgId }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: page.limit, offset: page.offset });
}

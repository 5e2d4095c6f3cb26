import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { notFound } from '../problem.js';

/** Loads a row by id or answers 404 naming the resource. */
export async function findOr404<T extends object>(em: EntityManager, entity: EntityName<T>, id: string, label: string): Promise<T> {
  const row = await em.findOne(entity, { id } as never);
  if (!row) throw notFound(label, id);
  return row;
}

/** Loads a row of one organization; a row of another organization is as good as missing (404). */
export async function findInOrg<T extends { org: string }>(em: EntityManager, entity: EntityName<T>, orgId: string, id: string, label: string): Promise<T> {
  const row = await em.findOne(entity, { id, org: orgId } as never);
  if (!row) throw notFound(label, id);
  return row;
}

export interface Page {
  limit: number;
  offset: number;
}

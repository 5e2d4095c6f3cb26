import type { EntityManager } from '@mikro-orm/postgresql';
import { User, type UserRow } from '../../db/entities/index.js';
import { newId } from '../../db/ids.js';
import { conflict, forbidden } from '../problem.js';
import { hasPermission, type Permission } from './permissions.js';
import { findInOrg, type Page } from './lookup.js';
import { getOrg } from './orgs.service.js';

export interface NewUser {
  email: string;
  name?: string;
  phone?: string;
  locale?: string;
  permissions: string[];
}

export async function createUser(em: EntityManager, orgId: string, input: NewUser): Promise<UserRow> {
  await getOrg(em, orgId);
  const email = input.email.trim().toLowerCase();
  if (await em.count(User, { org: orgId, email })) throw conflict(`A user with e-mail ${email} already exists in this organization.`);
  const user = em.create(User, {
    id: newId('usr'),
    org: orgId,
    email,
    name: input.name ?? null,
    phone: input.phone ?? null,
    locale: input.locale ?? null,
    permissions: [...new Set(input.permissions)],
  });
  await em.flush();
  return user;
}

export const getUser = (em: EntityManager, orgId: string, userId: string) => findInOrg(em, User, orgId, userId, 'user');

export async function listUsers(em: EntityManager, orgId: string, page: Page): Promise<UserRow[]> {
  await getOrg(em, orgId);
  return em.find(User, { org: orgId }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: page.limit, offset: page.offset });
}

/**
 * A merchant user invites a colleague (e.g. the right person to fill in the contact details): they
 * need `users:invite` and cannot hand out a permission they do not have themselves.
 */
export async function inviteUser(em: EntityManager, inviter: UserRow, input: NewUser): Promise<UserRow> {
  if (!hasPermission(inviter, 'users:invite')) throw forbidden('You are not allowed to invite users. Ask a colleague who may.');
  const beyond = input.permissions.filter((p) => !hasPermission(inviter, p as Permission));
  if (beyond.length) throw forbidden(`You cannot give permissions you do not have: ${beyond.join(', ')}.`);
  return createUser(em, inviter.org, input);
}

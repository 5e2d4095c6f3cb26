// A key acting for a merchant user (actingUserId) is held to that user: a user of the organization,
// with the permission the request needs.
import type { EntityManager } from '@mikro-orm/postgresql';
import { User, type UserRow } from '../../db/entities/index.js';
import { unprocessable } from '../problem.js';
import { requirePermission, type Permission } from './permissions.js';

export async function actingUserIn(em: EntityManager, orgId: string, userId: string, permission: Permission, field: string): Promise<UserRow> {
  const user = await em.findOne(User, { id: userId, org: orgId });
  if (!user) throw unprocessable('The acting user is not a user of this organization.', [{ name: field, in: field.split('.')[0], reason: 'not a user of this organization' }]);
  requirePermission(user, permission);
  return user;
}

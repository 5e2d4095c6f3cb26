// Ending a user's sessions of the merchant pages (e.g. when the backend signs them out, or their access
// changes): every page request checks its session, so the next one is refused.
import type { EntityManager } from '@mikro-orm/postgresql';
import { MerchantSession } from '../../db/entities/index.js';
import { getUser } from './users.service.js';

export async function endSessionsOf(em: EntityManager, orgId: string, userId: string): Promise<number> {
  const user = await getUser(em, orgId, userId);
  return em.nativeUpdate(MerchantSession, { userId: user.id, endedAt: null }, { endedAt: new Date() });
}

// The hand-off of a submitted secret: the API seals and stores it; the pairing activity takes it
// once (the row is deleted once the provider has answered). Only the reference travels through Temporal.
import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../db/ids.js';
import type { SecretBox } from './secret-box.js';

export type SecretKind = 'credentials' | 'verification_code';
export const SECRET_TTL_MS = 10 * 60_000;

export async function storeSecret(em: EntityManager, box: SecretBox, input: { repairId: string; kind: SecretKind; payload: unknown }): Promise<string> {
  const id = newId('sec');
  const conn = em.getConnection();
  // Expired secrets are swept on the way: nothing lingers even if a pairing never ran.
  await conn.execute('delete from pending_secrets where expires_at < now()');
  await conn.execute('insert into pending_secrets (id, repair_id, kind, sealed, expires_at, created_at) values (?, ?, ?, ?, ?, now())', [
    id,
    input.repairId,
    input.kind,
    box.seal(JSON.stringify(input.payload), id),
    new Date(Date.now() + SECRET_TTL_MS),
  ]);
  return id;
}

/** Why a pending secret cannot be used: each asks the person for something different. */
export type SecretProblem = 'missing' | 'expired' | 'unreadable';
export type SecretRead<T> = { payload: T } | { problem: SecretProblem };

/**
 * The payload, or why there is none: missing (already used, or not of this repair), expired (past
 * its short life before pairing read it), unreadable (sealed with a key this process does not hold,
 * e.g. SECRETS_KEYS differ between API and worker). The row stays until the pairing has the
 * provider's answer: a worker that dies mid-pairing leaves it for the retried attempt.
 */
export async function readSecret<T>(em: EntityManager, box: SecretBox, ref: { id: string; repairId: string; kind: SecretKind }): Promise<SecretRead<T>> {
  const rows = await em
    .getConnection()
    .execute<{ sealed: string; expired: boolean }[]>('select sealed, expires_at < now() as expired from pending_secrets where id = ? and repair_id = ? and kind = ?', [
      ref.id,
      ref.repairId,
      ref.kind,
    ]);
  const row = rows[0];
  if (!row) return { problem: 'missing' };
  if (row.expired) return { problem: 'expired' };
  let text: string;
  try {
    text = box.open(row.sealed, ref.id);
  } catch {
    return { problem: 'unreadable' };
  }
  return { payload: JSON.parse(text) as T };
}

export async function discardSecret(em: EntityManager, id: string): Promise<void> {
  await em.getConnection().execute('delete from pending_secrets where id = ?', [id]);
}

// An Idempotency-Key stands for one request: the same caller, action, repair and body. Its first use
// is remembered (as digests); a retry of that request gets the same Update id, so the workflow answers
// the first result, and a reuse for anything else is refused before it reaches the repair.
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { unprocessable } from '../problem.js';
import type { RepairAction } from '../../../workflows/repair/repair-rules.js';

export interface KeyUse {
  /** Who acts: keys of different callers never meet. */
  caller: string;
  action: RepairAction;
  repairId: string;
  /** The request's parameters (secrets included: only a digest salted with the key is kept). */
  body: Record<string, unknown>;
}

const sha256 = (...parts: string[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex');
const canonical = (body: Record<string, unknown>) => JSON.stringify(Object.keys(body).sort().map((k) => [k, body[k]]));

/** The Update id for this use of the key, or undefined without a key; throws 422 when the key meant another request. */
export async function updateIdFor(em: EntityManager, key: string | undefined, use: KeyUse): Promise<string | undefined> {
  if (!key) return undefined;
  const scope = sha256('scope', use.caller, key);
  // The key itself salts the body's digest and is never stored, so the digest reveals no password.
  const fingerprint = sha256('use', key, use.caller, use.action, use.repairId, canonical(use.body));
  const conn = em.getConnection();
  await conn.execute(`delete from idempotency_keys where created_at < now() - interval '1 day'`);
  await conn.execute('insert into idempotency_keys (scope, fingerprint, created_at) values (?, ?, now()) on conflict (scope) do nothing', [scope, fingerprint]);
  const [row] = await conn.execute<{ fingerprint: string }[]>('select fingerprint from idempotency_keys where scope = ?', [scope]);
  if (row && row.fingerprint !== fingerprint) {
    throw unprocessable('This Idempotency-Key was already used for another request (another action, repair or body). Send a new key for a new request.', [
      { name: 'Idempotency-Key', in: 'headers', reason: 'already used with different parameters' },
    ]);
  }
  return `idem-${scope}`;
}

// The notifier's window closes: the intents to deliver are those signalled to it and those recorded
// without a signal (record-intent.ts: only a window's first intent signals). The wake mark goes
// first, so an intent recorded after this read wakes the notifier again.
import type { AlertIntent } from '../../workflows/org-notifier/messages.js';
import { NotificationIntent } from '../../core/db/entities/index.js';
import type { AlertDependencies } from './alert-dependencies.js';
import { clearWakeMark } from '../../core/services/alerts/record-intent.js';
import { intentOfRow, WAITING_INTENT_SQL, type WaitingIntentRow } from '../../core/services/alerts/waiting-intents.js';

/** At most this many intents per delivery (the workflow history carries their ids); the rest come next. */
export const COLLECT_LIMIT = 1_000;

export interface CollectedIntents {
  intents: AlertIntent[];
  /** Recorded intents were left for the next delivery (the limit): deliver again without waiting. */
  more: boolean;
}

export async function collectAlertIntents(d: AlertDependencies, { orgId, signalled }: { orgId: string; signalled: AlertIntent[] }): Promise<CollectedIntents> {
  const em = d.orm.em.fork();
  const connection = em.getConnection();
  await clearWakeMark(em, orgId);
  const recorded = await connection.execute<WaitingIntentRow[]>(
    `select id, repair_id, kind, created_at from notification_intents where org_id = ? and ${WAITING_INTENT_SQL} order by created_at, id limit ?`,
    [orgId, COLLECT_LIMIT + 1],
  );
  const ids = signalled.map((i) => i.intentId);
  // A signalled intent already delivered with an earlier window (collected before its signal came) is not sent twice.
  const done = ids.length === 0 ? [] : await em.find(NotificationIntent, { id: { $in: ids }, status: { $ne: 'recorded' } }, { fields: ['id'] });
  const finished = new Set(done.map((r) => r.id));
  const intents = signalled.filter((i) => !finished.has(i.intentId));
  const known = new Set(ids);
  for (const row of recorded.slice(0, COLLECT_LIMIT)) {
    if (!known.has(row.id)) intents.push(intentOfRow(row));
  }
  return { intents, more: recorded.length > COLLECT_LIMIT };
}

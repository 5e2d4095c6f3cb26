// The notifier's window closes: the intents to deliver are those signalled to it and those recorded
// without a signal (record-intent.ts: only a window's first intent signals). The wake mark goes
// first, so an intent recorded after this read wakes the notifier again.
import type { AlertIntent, AlertKind } from '../../workflows/org-notifier/messages.js';
import { NotificationIntent } from '../../core/db/entities/index.js';
import type { AlertDependencies } from './alert-dependencies.js';
import { clearWakeMark } from '../../core/services/alerts/record-intent.js';

/** Intents that name whom not to tell travel in their signal only (the table has no column for it). */
const SIGNALLED_ONLY: AlertKind = 'acknowledged';

/** At most this many intents per delivery (the workflow history carries their ids); the rest come next. */
export const COLLECT_LIMIT = 1_000;

export interface CollectedIntents {
  intents: AlertIntent[];
  /** Recorded intents were left for the next delivery (the limit): deliver again without waiting. */
  more: boolean;
}

interface IntentRow {
  id: string;
  repair_id: string;
  kind: AlertKind;
  created_at: Date | string;
}

export async function collectAlertIntents(d: AlertDependencies, { orgId, signalled }: { orgId: string; signalled: AlertIntent[] }): Promise<CollectedIntents> {
  const em = d.orm.em.fork();
  const connection = em.getConnection();
  await clearWakeMark(em, orgId);
  // An intent no window delivered within a day (one a notifier gave up on before this change) is history, not news.
  const recorded = await connection.execute<IntentRow[]>(
    "select id, repair_id, kind, created_at from notification_intents where org_id = ? and status = 'recorded' and kind <> ? and created_at > now() - interval '1 day' order by created_at, id limit ?",
    [orgId, SIGNALLED_ONLY, COLLECT_LIMIT + 1],
  );
  const ids = signalled.map((i) => i.intentId);
  // A signalled intent already delivered with an earlier window (collected before its signal came) is not sent twice.
  const done = ids.length === 0 ? [] : await em.find(NotificationIntent, { id: { $in: ids }, status: { $ne: 'recorded' } }, { fields: ['id'] });
  const finished = new Set(done.map((r) => r.id));
  const intents = signalled.filter((i) => !finished.has(i.intentId));
  const known = new Set(ids);
  for (const row of recorded.slice(0, COLLECT_LIMIT)) {
    if (!known.has(row.id)) intents.push({ intentId: row.id, repairId: row.repair_id, kind: row.kind, at: new Date(row.created_at).getTime() });
  }
  return { intents, more: recorded.length > COLLECT_LIMIT };
}

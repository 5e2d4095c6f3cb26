// A wake mark promises its organization a collection. A running notifier keeps that promise (it also
// collects once before it ends for idleness), but one terminated while woken does not, and intents
// recorded behind its mark would wait for the organization's next alert, which may never come. The
// reconciler's sweep (activities/reconcile.activities.ts) wakes the notifier of every stale mark that
// has intents waiting, then refreshes the mark: a notifier still busy (a channel down) gets at most
// one more signal a stale period, which costs it one more collection.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AlertKind } from '../../../workflows/org-notifier/messages.js';
import { STALE_WAKE_AFTER_MS } from './record-intent.js';
import { wakeNotifier, type NotifierSettings } from './wake-notifier.js';

/** At most this many organizations a sweep (oldest marks first); the next sweep takes the rest. */
const BATCH = 200;

interface StaleWake {
  org_id: string;
  /** As PostgreSQL's text, to the microsecond: the refresh below matches it exactly. */
  woken_at: string;
  intent_id: string;
  repair_id: string;
  kind: AlertKind;
  created_at: Date | string;
}

/** Wakes the notifiers of stale marks with intents waiting; returns their organizations. */
export async function wakeStaleNotifiers(em: EntityManager, settings: NotifierSettings): Promise<string[]> {
  const connection = em.getConnection();
  const stale = await connection.execute<StaleWake[]>(
    `select w.org_id, w.woken_at::text as woken_at, i.id as intent_id, i.repair_id, i.kind, i.created_at from notifier_wakes w
     join lateral (select id, repair_id, kind, created_at from notification_intents
                   where org_id = w.org_id and status = 'recorded' and kind <> 'acknowledged' and created_at > now() - interval '1 day'
                   order by created_at, id limit 1) i on true
     where w.woken_at < now() - make_interval(secs => ?) order by w.woken_at limit ?`,
    [(settings.alertWindowMs + STALE_WAKE_AFTER_MS) / 1000, BATCH],
  );
  for (const s of stale) {
    await wakeNotifier(settings, s.org_id, { intentId: s.intent_id, repairId: s.repair_id, kind: s.kind, at: new Date(s.created_at).getTime() });
    // Only the mark that was found: one collected meanwhile, or set again by a new intent, is left alone.
    await connection.execute('update notifier_wakes set woken_at = now() where org_id = ? and woken_at = ?::timestamptz', [s.org_id, s.woken_at]);
  }
  return stale.map((s) => s.org_id);
}

// A wake mark promises its organization a collection. A running notifier keeps that promise (it also
// collects once before it ends for idleness), but one terminated while woken does not, and intents
// recorded behind its mark would wait for the organization's next alert, which may never come. The
// reconciler's sweep (activities/reconcile.activities.ts) wakes the notifier of every abandoned mark
// that has intents waiting, then refreshes the mark, so it is woken again only a period later.
import type { EntityManager } from '@mikro-orm/postgresql';
import { FOLLOW_UP_WINDOWS } from '../../../workflows/org-notifier/messages.js';
import { STALE_WAKE_AFTER_MS } from './record-intent.js';
import { intentOfRow, WAITING_INTENT_SQL, type WaitingIntentRow } from './waiting-intents.js';
import { wakeNotifier, type NotifierSettings } from './wake-notifier.js';

/** At most this many organizations a sweep (oldest marks first); the next sweep takes the rest. */
const BATCH = 200;

/**
 * A healthy notifier holds a mark for up to a window, or after a delivery up to its follow-up
 * (FOLLOW_UP_WINDOWS windows), before it collects: a mark older than that and a minute is abandoned.
 * (A notifier retrying a channel that is down holds it longer; it then gets one more signal a period.)
 */
const abandonedAfterSeconds = (alertWindowMs: number) => ((FOLLOW_UP_WINDOWS + 1) * alertWindowMs + STALE_WAKE_AFTER_MS) / 1000;

export interface StaleWakeSweep {
  /** Organizations whose notifier was woken. */
  woken: string[];
  /** Organizations whose notifier could not be woken (their mark is left for the next sweep), with why. */
  failed: { orgId: string; reason: string }[];
}

export async function wakeStaleNotifiers(em: EntityManager, settings: NotifierSettings): Promise<StaleWakeSweep> {
  const connection = em.getConnection();
  const abandonedAfter = abandonedAfterSeconds(settings.alertWindowMs);
  const stale = await connection.execute<(WaitingIntentRow & { org_id: string })[]>(
    `select w.org_id, i.id, i.repair_id, i.kind, i.created_at from notifier_wakes w
     join lateral (select id, repair_id, kind, created_at from notification_intents where org_id = w.org_id and ${WAITING_INTENT_SQL}
                   order by created_at, id limit 1) i on true
     where w.woken_at < now() - make_interval(secs => ?) order by w.woken_at limit ?`,
    [abandonedAfter, BATCH],
  );
  const sweep: StaleWakeSweep = { woken: [], failed: [] };
  for (const row of stale) {
    try {
      await wakeNotifier(settings, row.org_id, intentOfRow(row));
    } catch (error) {
      // One organization's failure does not hold up the others (its mark stays abandoned: the next sweep tries again).
      sweep.failed.push({ orgId: row.org_id, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    // Only a mark still abandoned: one collected meanwhile, or set afresh by a new intent, is left alone.
    await connection.execute('update notifier_wakes set woken_at = now() where org_id = ? and woken_at < now() - make_interval(secs => ?)', [row.org_id, abandonedAfter]);
    sweep.woken.push(row.org_id);
  }
  return sweep;
}

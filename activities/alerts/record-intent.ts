// An alert intent is written with the organization's wake mark in one statement. The mark's row
// lock is what makes skipping the signal safe: the notifier's collection deletes the mark first
// (waiting for any statement that holds it), then reads the intents, so an intent is either read by
// that collection or finds the mark gone and wakes the notifier for the next window.
import type { Orm } from '../../core/db/orm.js';
import type { NotificationKind } from '../notify.activities.js';

/**
 * A mark older than this is stale (its notifier may have been terminated, or is retrying a channel
 * that is down): the next intent refreshes it and signals again, which costs at most a duplicate
 * signal (the notifier ignores intents it has seen).
 */
export const STALE_WAKE_AFTER_MS = 60_000;

/** Records the intent; answers whether it must wake the notifier (no fresh mark was there). */
export async function recordIntent(
  d: { orm: Orm; alertWindowMs: number },
  intent: { intentId: string; repairId: string; orgId: string; kind: NotificationKind; at: number },
): Promise<boolean> {
  const rows = await d.orm.em
    .fork()
    .getConnection()
    .execute<{ woke: boolean }[]>(
      // now() is this statement's own time: a mark set or refreshed here equals it, one left alone is older.
      `with intent as (
         insert into notification_intents (id, repair_id, org_id, kind, status, created_at) values (?, ?, ?, ?, 'recorded', ?) on conflict (id) do nothing)
       insert into notifier_wakes (org_id, woken_at) values (?, now())
       on conflict (org_id) do update set woken_at = case when notifier_wakes.woken_at < now() - make_interval(secs => ?) then now() else notifier_wakes.woken_at end
       returning woken_at = now() as woke`,
      [intent.intentId, intent.repairId, intent.orgId, intent.kind, new Date(intent.at), intent.orgId, (d.alertWindowMs + STALE_WAKE_AFTER_MS) / 1000],
    );
  return rows[0]?.woke ?? true;
}

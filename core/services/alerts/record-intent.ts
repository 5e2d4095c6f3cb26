// An alert intent is written with the organization's wake mark in one statement. The mark's row
// lock is what makes skipping the signal safe: the notifier's collection deletes the mark first
// (waiting for any statement that holds it), then reads the intents, so an intent is either read by
// that collection or finds the mark gone and wakes the notifier for the next window.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AlertKind } from '../../../workflows/org-notifier/messages.js';

/**
 * A mark older than the window plus this is stale (its notifier may have been terminated, or is
 * retrying a channel that is down): the next intent refreshes it and signals again, which costs at
 * most a duplicate signal (the notifier ignores intents it has seen).
 */
export const STALE_WAKE_AFTER_MS = 60_000;

/** The intent of a repair's opening alert: the API records it at intake, the opening again (a no-op). */
export const openingIntentId = (repairId: string) => `${repairId}#opening`;

/**
 * `wake`: this intent set the mark, so it must signal the notifier; `woken`: a fresh mark was there
 * and the window will collect it; `done`: the intent was recorded before and is no longer waiting.
 */
export type IntentWake = 'wake' | 'woken' | 'done';

export interface IntentToRecord {
  intentId: string;
  repairId: string;
  orgId: string;
  kind: AlertKind;
  at: number;
}

export async function recordIntent(em: EntityManager, alertWindowMs: number, intent: IntentToRecord): Promise<IntentWake> {
  const rows = await em.getConnection().execute<{ woke: boolean }[]>(
    // now() is this statement's own time: a mark set or refreshed here equals it, one left alone is older.
    `with inserted as (
       insert into notification_intents (id, repair_id, org_id, kind, status, created_at) values (?, ?, ?, ?, 'recorded', ?) on conflict (id) do nothing returning status),
     current as (select status from inserted union all select status from notification_intents where id = ?)
     insert into notifier_wakes (org_id, woken_at) select ?, now() where exists (select 1 from current where status = 'recorded')
     on conflict (org_id) do update set woken_at = case when notifier_wakes.woken_at < now() - make_interval(secs => ?) then now() else notifier_wakes.woken_at end
     returning woken_at = now() as woke`,
    [intent.intentId, intent.repairId, intent.orgId, intent.kind, new Date(intent.at), intent.intentId, intent.orgId, (alertWindowMs + STALE_WAKE_AFTER_MS) / 1000],
  );
  if (rows.length === 0) return 'done';
  return rows[0]!.woke ? 'wake' : 'woken';
}

/** Removes the organization's wake mark: the notifier's collection does it first; intake does it when its signal failed. */
export async function clearWakeMark(em: EntityManager, orgId: string): Promise<void> {
  await em.getConnection().execute('delete from notifier_wakes where org_id = ?', [orgId]);
}

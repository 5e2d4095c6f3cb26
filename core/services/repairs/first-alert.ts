// A new repair's first alert is recorded at intake, not when the worker reaches the repair's
// opening: in a mass outage the openings queue up (a workflow task each) and people would wait for
// the whole backlog. The intent and the organization's wake mark are written by the statement that
// opens the repair (accept-report.ts: one round trip and one transaction for the report); the
// notifier is signalled once the repair's workflow has its report. The opening records the same
// intent again (same id: a no-op, see notify.activities), and wakes the notifier itself should
// this wake fail.
import type { EntityManager } from '@mikro-orm/postgresql';
import { clearWakeMark, OPENING_INTENT_SUFFIX, openingIntentId, staleWakeSeconds, wakeMarkUpsertSql } from '../alerts/record-intent.js';
import { wakeNotifier, type NotifierSettings } from '../alerts/wake-notifier.js';

/** A new repair's first alert, when people must act. */
export interface FirstAlert {
  at: number;
  alertWindowMs: number;
}

/**
 * Common table expressions to follow `opened` (the new repair's row: `id`, `org_id`): its intent,
 * then `woken`, whose `woke` says this statement set the wake mark. Parameters: firstAlertParams.
 */
export const FIRST_ALERT_SQL = `first_intent as (
         insert into notification_intents (id, repair_id, org_id, kind, status, created_at)
         select id || ?, id, org_id, 'action_needed', 'recorded', ? from opened where ?
         on conflict (id) do nothing returning org_id),
       woken as (${wakeMarkUpsertSql('select org_id, now() from first_intent')})`;

export const firstAlertParams = (alert: FirstAlert | null): unknown[] =>
  [OPENING_INTENT_SUFFIX, alert ? new Date(alert.at) : null, alert !== null, staleWakeSeconds(alert?.alertWindowMs ?? 0)];

/** Signals the notifier for the mark the opening statement set; a failed signal removes the mark (the opening's intent wakes it instead). */
export async function wakeForFirstAlert(em: EntityManager, ctx: NotifierSettings, repair: { repairId: string; orgId: string }, at: number): Promise<void> {
  try {
    await wakeNotifier(ctx, repair.orgId, { intentId: openingIntentId(repair.repairId), repairId: repair.repairId, kind: 'action_needed', at });
  } catch (error) {
    await clearWakeMark(em, repair.orgId);
    throw error;
  }
}

// An alert intent still waiting for a delivery, as both the notifier's collection
// (activities/alerts/collect-alert-intents.ts) and the reconciler's look at stale wake marks
// (stale-wakes.ts) read it from `notification_intents`.
import type { AlertIntent, AlertKind } from '../../../workflows/org-notifier/messages.js';

/**
 * Recorded and not delivered. Acknowledgements travel in their signal only (the table has no column
 * for whom not to tell), and an intent no window delivered within a day is history, not news.
 */
export const WAITING_INTENT_SQL = "status = 'recorded' and kind <> 'acknowledged' and created_at > now() - interval '1 day'";

/** The columns a waiting intent is read with (`select id, repair_id, kind, created_at`). */
export interface WaitingIntentRow {
  id: string;
  repair_id: string;
  kind: AlertKind;
  created_at: Date | string;
}

export const intentOfRow = (row: WaitingIntentRow): AlertIntent => ({ intentId: row.id, repairId: row.repair_id, kind: row.kind, at: new Date(row.created_at).getTime() });

// A repair asks for people to be told something: the intent is recorded (the repair detail lists
// it) and handed to the organization's notifier workflow, started if it is not running.
import { Context } from '@temporalio/activity';
import type { Orm } from '../core/db/orm.js';
import { CANNOT_WAIT_KINDS, type AlertKind } from '../workflows/org-notifier/messages.js';
import { type RepairSnapshot } from '../workflows/repair/messages.js';
import { activityKey } from './records.activities.js';
import { openingIntentId, recordIntent } from '../core/services/alerts/record-intent.js';
import { wakeNotifier, type NotifierSettings } from '../core/services/alerts/wake-notifier.js';

export type NotificationKind = AlertKind;

export interface NotifyRepairInput {
  repairId: string;
  orgId: string;
  kind: NotificationKind;
  snapshot: RepairSnapshot;
  /** Numbers not to tell (an acknowledgement's own author). */
  audience?: { except: string[] };
  /** Tells apart the intents one activity records (the opening): unset for one intent. */
  part?: string;
}

export interface NotifyDependencies extends NotifierSettings {
  orm: Orm;
}

/** The opening's alert has the id report intake gave it, so the two record it once. */
const intentIdOf = (repairId: string, part: string | undefined) => (part === 'alert' ? openingIntentId(repairId) : part ? `${activityKey()}#${part}` : activityKey());

export function createNotifyActivities(d: NotifyDependencies) {
  return {
    async notifyRepair({ repairId, orgId, kind, audience, part }: NotifyRepairInput): Promise<void> {
      const intentId = intentIdOf(repairId, part);
      const now = Date.now();
      const wake = await recordIntent(d.orm.em.fork(), d.alertWindowMs, { intentId, repairId, orgId, kind, at: now });
      // Recorded before (at intake) and delivered already: nothing to wake.
      if (wake === 'done') return;
      // The window's first intent wakes the notifier; the others wait in the table and are collected
      // with it (a mass outage: one signal per organization and window, not one per repair). A retry
      // signals anyway (its first attempt may have woken nobody), as do an intent that names whom not to
      // tell and one that cannot wait for a follow-up window.
      if (wake === 'woken' && !audience && !CANNOT_WAIT_KINDS.has(kind) && Context.current().info.attempt === 1) return;
      await wakeNotifier(d, orgId, { intentId, repairId, kind, at: now, ...(audience ? { except: audience.except } : {}) });
    },
  };
}

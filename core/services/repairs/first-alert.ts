// A new repair's first alert is recorded at intake, not when the worker reaches the repair's
// opening: in a mass outage the openings queue up (a workflow task each) and people would wait for
// the whole backlog. The opening records the same intent again (same id: a no-op, see
// notify.activities), and wakes the notifier itself should this wake fail.
import type { EntityManager } from '@mikro-orm/postgresql';
import { clearWakeMark, openingIntentId, recordIntent } from '../alerts/record-intent.js';
import { wakeNotifier, type NotifierSettings } from '../alerts/wake-notifier.js';

export async function recordFirstAlert(em: EntityManager, ctx: NotifierSettings, repair: { repairId: string; orgId: string }): Promise<void> {
  const intent = { intentId: openingIntentId(repair.repairId), repairId: repair.repairId, kind: 'action_needed' as const, at: Date.now() };
  if ((await recordIntent(em, ctx.alertWindowMs, { ...intent, orgId: repair.orgId })) !== 'wake') return;
  try {
    await wakeNotifier(ctx, repair.orgId, intent);
  } catch (error) {
    // Without the mark, the opening's own intent wakes the notifier (it finds this one still waiting).
    await clearWakeMark(em, repair.orgId);
    throw error;
  }
}

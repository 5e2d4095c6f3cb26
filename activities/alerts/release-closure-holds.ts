// The end of a closure: the alerts it held are delivered, except what time made pointless: an alert
// about a repair fixed meanwhile, a "reconnected" nobody needs (they never heard it broke), and
// reminders that the "action needed" sent now already says.
import type { EntityManager } from '@mikro-orm/postgresql';
import { log } from '@temporalio/activity';
import { Notification, NotificationIntent, Repair, type NotificationIntentRow } from '../../core/db/entities/index.js';
import { isOpen, type RepairState } from '../../workflows/repair/repair-rules.js';
import type { AlertIntent, AlertKind } from '../../workflows/org-notifier/messages.js';
import type { AlertDependencies } from './alert-dependencies.js';
import { deliverAlerts } from './deliver-alerts.js';

/** Repairs (of those asked) that some message has already named: people know they broke. */
async function toldAbout(em: EntityManager, repairIds: string[]): Promise<Set<string>> {
  const told = new Set<string>();
  for (const id of repairIds) {
    const count = await em.count(Notification, { repairIds: { $contains: [id] }, status: { $in: ['sent', 'delivered'] } } as never);
    if (count > 0) told.add(id);
  }
  return told;
}

/** Why a due intent goes nowhere now that the repair moved on, or null to deliver it. */
function staleReason(intent: NotificationIntentRow, state: RepairState | undefined, told: Set<string>): string | null {
  if (intent.kind === 'reconnected') return told.has(intent.repairId) ? null : 'fixed_during_closure';
  if (intent.kind !== 'support_requested' && (state === undefined || !isOpen(state))) return 'fixed_during_closure';
  return null;
}

/** Delivers the closure-held intents due at `at` (epoch ms); what is stale is recorded suppressed. */
export async function releaseClosureHolds(d: AlertDependencies, orgId: string, at: number): Promise<void> {
  const em = d.orm.em.fork();
  const due = await em.find(NotificationIntent, { orgId, status: 'held', sendAfter: { $lte: new Date(at) } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  if (due.length === 0) return;
  const repairIds = [...new Set(due.map((i) => i.repairId))];
  const states = new Map((await em.find(Repair, { id: { $in: repairIds } })).map((r) => [r.id, r.state as RepairState]));
  const told = await toldAbout(em, repairIds);
  const actionNeeded = new Set(due.filter((i) => i.kind === 'action_needed').map((i) => i.repairId));
  const kept = new Set<string>();
  const deliver: AlertIntent[] = [];
  for (const intent of due) {
    const fixed = staleReason(intent, states.get(intent.repairId), told);
    // One message per repair and kind; a reminder adds nothing to the "action needed" going out with it.
    const key = `${intent.repairId}/${intent.kind}`;
    const superseded = (intent.kind === 'reminder' && actionNeeded.has(intent.repairId)) || kept.has(key);
    const reason = fixed ?? (superseded ? 'superseded' : null);
    if (reason) {
      await em.nativeUpdate(NotificationIntent, { id: intent.id }, { status: 'suppressed', reason });
      continue;
    }
    kept.add(key);
    deliver.push({ intentId: intent.id, repairId: intent.repairId, kind: intent.kind as AlertKind, at: intent.createdAt.getTime() });
  }
  log.info('alerts held for a closure released', { orgId, due: due.length, delivered: deliver.length });
  if (deliver.length > 0) await deliverAlerts(d, { orgId, intents: deliver, at });
}

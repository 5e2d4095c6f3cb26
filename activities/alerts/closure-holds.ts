// Planned closures in the alert delivery: an alert about repairs whose every location is closed is
// held (the intent waits in the database, not a rendered message) until the closure ends, and is then
// delivered like a new one, so it names the repair as it is by then and goes nowhere if it was fixed.
import type { EntityManager } from '@mikro-orm/postgresql';
import { log } from '@temporalio/activity';
import { LocationClosure, NotificationIntent } from '../../core/db/entities/index.js';
import { quietUntil, type ClosureWindow } from '../../core/services/closures/closure-rule.js';
import type { AlertIntent } from '../../workflows/org-notifier/messages.js';
import type { LoadedOrg } from './loaded-org.js';

/** A person asked for support: that is never held, whatever the store's plans. */
const NEVER_HELD = new Set(['support_requested']);

/** Each location's closures that end after `at`, for the closure rule. */
export async function closuresByLocation(em: EntityManager, locationIds: string[], at: number): Promise<Map<string, ClosureWindow[]>> {
  const rows = locationIds.length === 0 ? [] : await em.find(LocationClosure, { location: { $in: locationIds }, endsAt: { $gt: new Date(at) } });
  const map = new Map<string, ClosureWindow[]>();
  for (const row of rows) map.set(row.location, [...(map.get(row.location) ?? []), { start: row.startsAt.getTime(), end: row.endsAt.getTime() }]);
  return map;
}

/**
 * Holds the intents whose repairs are quiet at `at` (the intent rows say until when) and answers the
 * others, to deliver now, and the earliest end of a hold, for the notifier to wake then.
 */
export async function holdForClosures(em: EntityManager, loaded: LoadedOrg, intents: AlertIntent[], at: number): Promise<{ deliverable: AlertIntent[]; heldUntil: number | null }> {
  const locationsOf = (repairId: string) => [...new Set((loaded.repairs.get(repairId)?.storeIds ?? []).flatMap((id) => loaded.stores.get(id)?.location ?? []))];
  const closures = await closuresByLocation(em, [...new Set([...loaded.stores.values()].map((s) => s.location))], at);
  if (closures.size === 0) return { deliverable: intents, heldUntil: null };
  const deliverable: AlertIntent[] = [];
  const held = new Map<number, string[]>();
  for (const intent of intents) {
    const until = NEVER_HELD.has(intent.kind) ? null : quietUntil(closures, locationsOf(intent.repairId), at);
    if (until === null) deliverable.push(intent);
    else held.set(until, [...(held.get(until) ?? []), intent.intentId]);
  }
  for (const [until, ids] of held) {
    await em.nativeUpdate(NotificationIntent, { id: { $in: ids } }, { status: 'held', reason: 'location_closed', sendAfter: new Date(until) });
  }
  if (held.size > 0) {
    const heldIds = new Set([...held.values()].flat());
    log.info('alerts held for a planned closure', { orgId: loaded.org.id, repairIds: [...new Set(intents.filter((i) => heldIds.has(i.intentId)).map((i) => i.repairId))], until: new Date(Math.min(...held.keys())).toISOString() });
  }
  return { deliverable, heldUntil: held.size === 0 ? null : Math.min(...held.keys()) };
}

/** When the organization's next closure-held intent is due (epoch ms). */
export async function nextHeldIntent(em: EntityManager, orgId: string): Promise<number | null> {
  const next = await em.findOne(NotificationIntent, { orgId, status: 'held' }, { orderBy: { sendAfter: 'asc' } });
  return next?.sendAfter?.getTime() ?? null;
}

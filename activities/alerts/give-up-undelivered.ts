// Where the retries end: what a notifier run could not send is recorded failed, so the delivery
// log says so and the next alerts are not stuck behind it.
import { log } from '@temporalio/activity';
import { Notification, NotificationIntent } from '../../core/db/entities/index.js';
import type { AlertDependencies } from './alert-dependencies.js';
import { nextHeld } from './release-held-alerts.js';
import { gaveUpReason, withoutLinkTokens } from './send-logged.js';

/**
 * The retries of a delivery or a release are spent: what is still queued by this notifier run, or
 * held past its time, is recorded failed (the delivery log shows it) so the notifier moves on.
 */
export async function giveUpUndelivered(d: AlertDependencies, { orgId, keyPrefix, dueHeld, intentIds }: { orgId: string; keyPrefix: string; dueHeld: boolean; intentIds?: string[] }): Promise<{ failed: number; nextHeldUntil: number | null }> {
  const em = d.orm.em.fork();
  const queued = { org: orgId, status: 'queued' as const, idempotencyKey: { $like: `${keyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } };
  const stuck = await em.find(Notification, dueHeld ? { $or: [queued, { org: orgId, status: 'held', sendAfter: { $lte: new Date() } }] } : queued);
  for (const message of stuck) em.assign(message, { status: 'failed', error: gaveUpReason(message.error ?? null), content: message.content ? withoutLinkTokens(message.content) : null, updatedAt: new Date() });
  await em.flush();
  // Alerts a closure held, whose release spent its retries: their messages are failed above; the intents end too.
  // The window's intents (collected from the table) end too, or the next window would collect them again.
  if (intentIds && intentIds.length > 0) await em.nativeUpdate(NotificationIntent, { id: { $in: intentIds }, status: 'recorded' }, { status: 'suppressed', reason: 'gave_up' });
  if (dueHeld) await em.nativeUpdate(NotificationIntent, { orgId, status: 'held', sendAfter: { $lte: new Date() } }, { status: 'suppressed', reason: 'gave_up' });
  // Once saved failed, a retried give-up no longer finds them queued or held.
  for (const message of stuck) d.metrics.alertMessage({ channel: message.channel, template: message.template, status: 'failed' });
  if (stuck.length > 0) log.error('alert messages given up on after repeated temporary failures', { orgId, failed: stuck.length, channels: [...new Set(stuck.map((m) => m.channel))] });
  return { failed: stuck.length, nextHeldUntil: await nextHeld(em, orgId) };
}

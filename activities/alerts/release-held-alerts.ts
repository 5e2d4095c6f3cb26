// SMS and WhatsApp messages held for support hours go out when their time comes; each held message is sent
// on its own, so one number that can never be reached does not keep the others waiting. Alerts held
// for a planned closure are delivered first (release-closure-holds.ts).
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationFailure, log } from '@temporalio/activity';
import { Notification } from '../../core/db/entities/index.js';
import { channelFailure } from '../channels/channel-errors.js';
import type { AlertDependencies } from './alert-dependencies.js';
import { nextHeldIntent } from './closure-holds.js';
import { releaseClosureHolds } from './release-closure-holds.js';
import { isPhoneChannel, phoneSender } from './phone-channels.js';
import { withoutLinkTokens } from './send-logged.js';

/** Sends the SMS held for support hours whose time has come; a final refusal fails that one only. */
export async function releaseHeldAlerts(d: AlertDependencies, { orgId, at }: { orgId: string; at?: number }): Promise<{ nextHeldUntil: number | null }> {
  const now = Math.max(Date.now(), at ?? 0);
  await releaseClosureHolds(d, orgId, now);
  const em = d.orm.em.fork();
  const due = await em.find(Notification, { org: orgId, status: 'held', sendAfter: { $lte: new Date(now) } });
  let waiting = 0;
  for (const message of due) {
    let saved: 'sent' | 'failed' | null = null;
    const body = message.content?.text ?? '';
    try {
      const channel = isPhoneChannel(message.channel) ? message.channel : 'sms';
      const sent = await phoneSender(d, channel, message.recipient, message.content ?? { text: body })();
      em.assign(message, { status: 'sent', providerId: sent.providerId, error: null, content: message.content ? withoutLinkTokens(message.content) : null, updatedAt: new Date() });
      saved = 'sent';
    } catch (error) {
      const failure = channelFailure(error, message.channel === 'whatsapp' ? 'whatsapp' : 'sms');
      log.warn(failure.final ? 'held SMS refused for good' : 'held SMS failed for now; will retry', { messageId: message.id, reason: failure.reason });
      // Given up on, the copy keeps no sign-in link either.
      if (failure.final) {
        em.assign(message, { status: 'failed', error: failure.reason, content: message.content ? withoutLinkTokens(message.content) : null, updatedAt: new Date() });
        saved = 'failed';
      } else {
        em.assign(message, { error: `${failure.reason}; retrying`, updatedAt: new Date() });
        waiting += 1;
      }
    }
    await em.flush();
    // Once the status is saved: a retried release no longer finds this message held.
    if (saved) d.metrics.alertMessage({ channel: message.channel, template: message.template, status: saved, smsBody: body });
  }
  if (waiting > 0) throw ApplicationFailure.retryable(`${waiting} held SMS hit a temporary failure`, 'AlertChannelUnavailable');
  return { nextHeldUntil: await nextHeld(em, orgId) };
}

/** When the organization's next held SMS or closure-held alert is due, for the notifier to sleep until then. */
export async function nextHeld(em: EntityManager, orgId: string): Promise<number | null> {
  const next = await em.findOne(Notification, { org: orgId, status: 'held' }, { orderBy: { sendAfter: 'asc' } });
  const times = [next?.sendAfter?.getTime() ?? null, await nextHeldIntent(em, orgId)].filter((t): t is number => t !== null);
  return times.length === 0 ? null : Math.min(...times);
}

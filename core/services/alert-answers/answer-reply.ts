// A reply to an alert SMS (or WhatsApp), acted on: STOP/START change what the number receives;
// 1/OK/SÍ… acknowledges the repairs of the last alert sent to it, 2 asks for a reminder, LINK sends
// the link again. The answer is the text to reply with (null: reply nothing, Twilio confirms STOP/START).
import type { Client } from '@temporalio/client';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SmsOptOut, Org, type RepairRow } from '../../db/entities/index.js';
import { translate } from '../../i18n/index.js';
import { findProvider } from '../../providers/index.js';
import { ALERT_LINK_TTL_SECONDS } from '../../secrets/repair-links.js';
import { createShortLink } from '../../secrets/short-links.js';
import { acknowledgeUpdate, remindLaterUpdate, repairWorkflowId, type AlertAnswerInput } from '../../../workflows/repair/messages.js';
import { smsText } from '../../../templates/sms-text.js';
import { alertOfNumber, type AnsweredAlert } from './alert-of-number.js';
import { replyIntent, replyNumber } from './reply-keywords.js';

export interface ReplyDependencies {
  em: EntityManager;
  temporal: Client;
  publicUrl: string;
}

export interface AnsweredReply {
  intent: ReturnType<typeof replyIntent>;
  /** The repairs acted on (for the log line). */
  repairIds: string[];
  text: string | null;
}

export async function answerReply(d: ReplyDependencies, from: string, body: string): Promise<AnsweredReply> {
  const intent = replyIntent(body);
  const { phone, channel } = replyNumber(from);
  const none = (text: string | null) => ({ intent, repairIds: [], text: text === null ? null : smsText(text) });
  if (intent === 'stop') {
    await d.em.upsert(SmsOptOut, { phone, keyword: body.trim().toUpperCase().slice(0, 32), createdAt: new Date() });
    return none(null);
  }
  if (intent === 'start') {
    await d.em.nativeDelete(SmsOptOut, { phone });
    return none(null);
  }
  const alert = await alertOfNumber(d.em, phone);
  const locale = alert?.locale ?? 'en';
  if (intent === 'help' || intent === 'unknown') {
    const orgName = alert ? ((await d.em.findOne(Org, { id: alert.orgId }))?.name ?? '') : '';
    return none(translate(locale, intent === 'help' ? 'reply.help' : 'reply.unknown', { orgName }));
  }
  const repair = alert?.repairs[0];
  if (!alert || !repair) return none(translate(locale, 'reply.nothing_open'));
  const answer: AlertAnswerInput = { by: alert.by, via: channel, phone };
  const provider = findProvider(repair.provider)?.name ?? repair.provider;
  const text = await act(d, intent, alert, repair, answer, provider);
  return { intent, repairIds: alert.repairs.map((r) => r.id), text: smsText(text) };
}

async function act(d: ReplyDependencies, intent: 'acknowledge' | 'remind_later' | 'link', alert: AnsweredAlert, repair: RepairRow, answer: AlertAnswerInput, provider: string): Promise<string> {
  const handle = (r: RepairRow) => d.temporal.workflow.getHandle(repairWorkflowId(r.connection));
  if (intent === 'link') {
    const code = await createShortLink(d.em, { repairId: repair.id, ...(alert.userId ? { userId: alert.userId } : {}) }, new Date(Date.now() + ALERT_LINK_TTL_SECONDS * 1000));
    return translate(alert.locale, 'reply.link', { provider, link: `${d.publicUrl.replace(/\/$/, '')}/r/${code}` });
  }
  if (intent === 'remind_later') {
    const results = await Promise.all(alert.repairs.map((r) => handle(r).executeUpdate(remindLaterUpdate, { args: [answer] })));
    const minutes = Math.max(1, Math.round((Date.parse(results[0]!.remindAt) - Date.now()) / 60_000));
    return translate(alert.locale, 'reply.remind_later', { provider, minutes });
  }
  // Every open repair of the alert (a grouped alert names several): the first answer is the reply.
  const results = await Promise.all(alert.repairs.map((r) => handle(r).executeUpdate(acknowledgeUpdate, { args: [answer] })));
  const first = results[0]!;
  if (!first.acknowledged) return translate(alert.locale, 'reply.already_acknowledged', { by: first.acknowledgedBy, provider });
  const hours = Math.max(1, Math.round((Date.parse(first.quietUntil) - Date.parse(first.acknowledgedAt)) / 3_600_000));
  return translate(alert.locale, 'reply.acknowledged', { by: first.acknowledgedBy, provider, hours });
}

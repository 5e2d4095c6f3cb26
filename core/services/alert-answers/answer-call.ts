// What an emergency contact pressed during our call, acted on: 1 acknowledges the call's repairs
// (the same Update as an SMS "1", by the contact's name), anything else plays the alert once more,
// then the call ends. The call is found by its sid in the delivery log: the repairs, the number
// called and the language come from our own record, never from the request.
import type { Client } from '@temporalio/client';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Notification, OrgContacts, Repair } from '../../db/entities/index.js';
import { acknowledgeUpdate, repairWorkflowId } from '../../../workflows/repair/messages.js';
import { alertCallTwiml, sayAndHangUp } from './call-twiml.js';

export interface CallAnswerDependencies {
  em: EntityManager;
  temporal: Client;
  publicUrl: string;
}

export interface AnsweredCall {
  outcome: 'acknowledged' | 'repeated' | 'hung_up' | 'unknown_call';
  repairIds: string[];
  twiml: string;
}

/** The alert is played at most twice: the first time, and once more after a wrong key. */
export const MAX_PLAYS = 2;

export async function answerCall(d: CallAnswerDependencies, callSid: string, digits: string, attempt: number): Promise<AnsweredCall> {
  const call = await d.em.findOne(Notification, { providerId: callSid, channel: 'call' });
  if (!call) return { outcome: 'unknown_call', repairIds: [], twiml: sayAndHangUp('en', 'call.no_answer') };
  const repairs = await d.em.find(Repair, { id: { $in: call.repairIds }, resolvedAt: null });
  const repairIds = repairs.map((r) => r.id);
  if (digits === '1') {
    const contacts = await d.em.findOne(OrgContacts, { org: call.org });
    const by = contacts?.emergencyTechnical.find((c) => c.phone === call.recipient)?.name?.trim() || call.recipient;
    // A repair closed meanwhile has nothing left to acknowledge; the contact still hears thanks.
    await Promise.all(repairs.map((r) => d.temporal.workflow.getHandle(repairWorkflowId(r.connection)).executeUpdate(acknowledgeUpdate, { args: [{ by, via: 'call', phone: call.recipient }] })));
    return { outcome: 'acknowledged', repairIds, twiml: sayAndHangUp(call.locale, 'call.acknowledged') };
  }
  if (attempt < MAX_PLAYS && call.content) {
    return { outcome: 'repeated', repairIds, twiml: alertCallTwiml({ locale: call.locale, text: call.content.text, publicUrl: d.publicUrl }, attempt + 1) };
  }
  return { outcome: 'hung_up', repairIds, twiml: sayAndHangUp(call.locale, 'call.no_answer') };
}

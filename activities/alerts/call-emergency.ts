// The unacknowledged emergency escalation calls the emergency contacts (those with a phone), once
// each: the alert is spoken in the organization's language and "press 1" acknowledges the repair
// (api/routes/v1/webhooks/twilio-calls.routes.ts). Each call is a delivery-log row (channel `call`),
// keyed per repair and number, so a retried activity never calls twice.
import { log } from '@temporalio/activity';
import { Org, OrgContacts, Repair, type NotificationRow } from '../../core/db/entities/index.js';
import { translate } from '../../core/i18n/index.js';
import { findProvider } from '../../core/providers/index.js';
import { alertCallTwiml } from '../../core/services/alert-answers/call-twiml.js';
import type { AlertDependencies } from './alert-dependencies.js';
import { retryIfQueued, sendLogged } from './send-logged.js';

export interface CallEmergencyInput {
  repairId: string;
}

export function createCallActivities(deps: AlertDependencies) {
  return {
    async callEmergencyContacts({ repairId }: CallEmergencyInput): Promise<{ calls: number }> {
      const em = deps.orm.em.fork();
      const repair = await em.findOneOrFail(Repair, { id: repairId });
      const [org, contacts] = await Promise.all([em.findOneOrFail(Org, { id: repair.org }), em.findOne(OrgContacts, { org: repair.org })]);
      const phones = [...new Set((contacts?.emergencyTechnical ?? []).map((c) => c.phone).filter((p): p is string => typeof p === 'string' && p.length > 0))];
      if (phones.length === 0) {
        log.info('no emergency contact has a phone: nobody to call', { repairId });
        return { calls: 0 };
      }
      const locale = org.locale;
      const text = translate(locale, 'call.alert', { orgName: org.name, provider: findProvider(repair.provider)?.name ?? repair.provider });
      const twiml = alertCallTwiml({ locale, text, publicUrl: deps.publicUrl });
      const calls: NotificationRow[] = [];
      for (const phone of phones) {
        const row = { org: repair.org, repairIds: [repairId], channel: 'call' as const, recipient: phone, template: 'escalated_emergency', locale };
        calls.push(await sendLogged(em, `call:${repairId}:${phone}`, row, { text }, () => deps.channels.placeCall({ to: phone, twiml }), deps.metrics));
      }
      log.info('emergency contacts called', { repairId, calls: calls.filter((c) => c.status === 'sent').length });
      retryIfQueued(calls);
      return { calls: calls.filter((c) => c.status === 'sent').length };
    },
  };
}

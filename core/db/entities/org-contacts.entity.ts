import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Org } from './org.entity.js';

/** How a contact's phone gets alerts; SMS when unsaid (contacts saved before WhatsApp). */
export type PhoneMessaging = 'sms' | 'whatsapp' | 'both';
export const PHONE_MESSAGING = ['sms', 'whatsapp', 'both'] as const;

export interface PersonContact {
  name: string;
  email: string;
  phone?: string;
  messaging?: PhoneMessaging;
}
/** A user who gets alerts; their phone is the user's own. */
export interface AlertContact {
  userId: string;
  messaging?: PhoneMessaging;
}
export interface SupportHoursRange {
  days: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
  from: string;
  to: string;
  timezone: string;
}

/** Account-level contact details; stored even when incomplete (a draft), with what is missing. */
export const OrgContacts = defineEntity({
  name: 'OrgContacts',
  tableName: 'org_contacts',
  properties: {
    org: () => p.oneToOne(Org).mapToPk().primary(),
    alertContacts: p.json<AlertContact[]>(),
    emergencyTechnical: p.json<PersonContact[]>(),
    nonEmergencyTechnical: p.json<PersonContact[]>(),
    merchantOperations: p.json<PersonContact[]>(),
    platformOperations: p.json<PersonContact[]>(),
    userFacingOperations: p.json<{ email: string; phone?: string } | null>().nullable(),
    supportHours: p.json<SupportHoursRange[]>(),
    missing: p.json<string[]>(),
    updatedBy: p.string().nullable(),
    updatedAt: p.datetime(),
    /** Someone of the organization said these details are still true (see docs/closures-and-contacts.md). */
    confirmedAt: p.datetime().nullable(),
    confirmedBy: p.string().nullable(),
  },
});
export type OrgContactsRow = InferEntity<typeof OrgContacts>;

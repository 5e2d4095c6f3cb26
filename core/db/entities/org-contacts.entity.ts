import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Org } from './org.entity.js';

export interface PersonContact {
  name: string;
  email: string;
  phone?: string;
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
    alertContacts: p.json<{ userId: string }[]>(),
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

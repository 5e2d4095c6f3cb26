// What an organization still has to fill in before its repairs may notify beyond the dashboard.
import type { AlertContact, PersonContact, SupportHoursRange } from '../../db/entities/index.js';

export interface ContactDetails {
  alertContacts: AlertContact[];
  emergencyTechnical: PersonContact[];
  nonEmergencyTechnical: PersonContact[];
  merchantOperations: PersonContact[];
  platformOperations: PersonContact[];
  userFacingOperations: { email: string; phone?: string } | null;
  supportHours: SupportHoursRange[];
}

/** The lists of people (name, e-mail, optional phone). */
export const PEOPLE_LISTS = ['emergencyTechnical', 'nonEmergencyTechnical', 'merchantOperations', 'platformOperations'] as const;

const CONTACT_FIELDS = [
  'alertContacts',
  'emergencyTechnical',
  'nonEmergencyTechnical',
  'merchantOperations',
  'platformOperations',
  'userFacingOperations',
  'supportHours',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface CompletenessContext {
  environment: 'sandbox' | 'production';
  /** True when one of the organization's providers needs an operations contact for merchant issues. */
  needsMerchantOperations: boolean;
}

/** The missing fields, in form order. Alert contacts exist only in production, as in the seed. */
export function missingContacts(c: ContactDetails, ctx: CompletenessContext): ContactField[] {
  const missing: ContactField[] = [];
  if (ctx.environment === 'production' && c.alertContacts.length === 0) missing.push('alertContacts');
  if (c.emergencyTechnical.length === 0) missing.push('emergencyTechnical');
  if (c.nonEmergencyTechnical.length === 0) missing.push('nonEmergencyTechnical');
  if (ctx.needsMerchantOperations && c.merchantOperations.length === 0) missing.push('merchantOperations');
  if (c.platformOperations.length === 0) missing.push('platformOperations');
  if (!c.userFacingOperations) missing.push('userFacingOperations');
  if (c.supportHours.length === 0) missing.push('supportHours');
  return missing;
}

export const EMPTY_CONTACTS: ContactDetails = {
  alertContacts: [],
  emergencyTechnical: [],
  nonEmergencyTechnical: [],
  merchantOperations: [],
  platformOperations: [],
  userFacingOperations: null,
  supportHours: [],
};

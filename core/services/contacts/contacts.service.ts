// GET/PUT of an organization's contact details. An incomplete PUT is kept as a draft and answered
// with exactly what is missing.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Connection, OrgContacts, User, type OrgContactsRow } from '../../db/entities/index.js';
import { findProvider } from '../../providers/index.js';
import { ProblemError, forbidden, unprocessable, type InvalidParam } from '../problem.js';
import { hasPermission } from '../registry/permissions.js';
import { getOrg } from '../registry/orgs.service.js';
import { DEFAULT_CONFIRM_EVERY_DAYS, confirmationOf, type ContactsConfirmation } from './contact-confirmation.js';
import { EMPTY_CONTACTS, PEOPLE_LISTS, missingContacts, type ContactDetails, type ContactField } from './contact-completeness.js';

export interface ContactsView extends ContactDetails {
  orgId: string;
  complete: boolean;
  missing: ContactField[];
  updatedAt: string | null;
  confirmation: ContactsConfirmation;
}

const REASONS: Record<ContactField, string> = {
  alertContacts: 'add at least one user who receives automated alert e-mails (production only)',
  emergencyTechnical: 'add at least one emergency technical contact (a pager alias is recommended)',
  nonEmergencyTechnical: 'add at least one non-emergency technical contact',
  merchantOperations: 'one of your providers requires an operations contact for merchant issues',
  platformOperations: 'add an operations contact for the platform',
  userFacingOperations: 'add the support alias shared with end users',
  supportHours: 'add your support hours with their time zone',
};

/** What decides which details are required: the environment, and whether a provider needs a merchant-operations contact. */
export async function contactsContext(em: EntityManager, orgId: string) {
  const org = await getOrg(em, orgId);
  const providers = (await em.find(Connection, { org: orgId }, { fields: ['provider'] })).map((c) => c.provider);
  return { environment: org.environment, needsMerchantOperations: providers.some((p) => findProvider(p)?.requiresMerchantOperationsContact === true) };
}

function view(orgId: string, row: OrgContactsRow | null, details: ContactDetails, missing: ContactField[], everyDays: number): ContactsView {
  const confirmation = confirmationOf(missing.length === 0 ? row : null, everyDays);
  return { orgId, ...details, complete: missing.length === 0, missing, updatedAt: row?.updatedAt.toISOString() ?? null, confirmation };
}

const detailsOf = (row: OrgContactsRow): ContactDetails => ({
  alertContacts: row.alertContacts,
  emergencyTechnical: row.emergencyTechnical,
  nonEmergencyTechnical: row.nonEmergencyTechnical,
  merchantOperations: row.merchantOperations,
  platformOperations: row.platformOperations,
  userFacingOperations: row.userFacingOperations ?? null,
  supportHours: row.supportHours,
});

export async function getContacts(em: EntityManager, orgId: string, everyDays = DEFAULT_CONFIRM_EVERY_DAYS): Promise<ContactsView> {
  const ctx = await contactsContext(em, orgId);
  const row = await em.findOne(OrgContacts, { org: orgId });
  const details = row ? detailsOf(row) : EMPTY_CONTACTS;
  return view(orgId, row, details, missingContacts(details, ctx), everyDays);
}

/** A user acting on the contact details belongs to the organization and may edit them. */
async function checkEditor(em: EntityManager, orgId: string, userId: string): Promise<void> {
  const user = await em.findOne(User, { id: userId, org: orgId });
  if (!user) throw unprocessable('The acting user is not a user of this organization.', [{ name: 'body.actingUserId', in: 'body', reason: 'not a user of this organization' }]);
  if (!hasPermission(user, 'contacts:edit')) throw forbidden('You are not allowed to edit the contact details. Ask a colleague who may.');
}

const WHATSAPP_NEEDS_PHONE = 'WhatsApp needs a mobile number: add the phone first';
const needsWhatsApp = (messaging: string | undefined) => messaging === 'whatsapp' || messaging === 'both';

/** People who chose WhatsApp but gave no phone to send it to. */
function whatsappWithoutPhone(details: ContactDetails): InvalidParam[] {
  return PEOPLE_LISTS.flatMap((list) =>
    details[list].flatMap((person, i) => (needsWhatsApp(person.messaging) && !person.phone ? [{ name: `body.${list}.${i}.messaging`, in: 'body' as const, reason: WHATSAPP_NEEDS_PHONE }] : [])),
  );
}

/** Rules a schema cannot express: alert contacts are users of this org (and production only); WhatsApp has a phone; hours run forward. */
async function checkReferences(em: EntityManager, orgId: string, details: ContactDetails, environment: string): Promise<InvalidParam[]> {
  const problems: InvalidParam[] = [];
  if (environment !== 'production' && details.alertContacts.length > 0) {
    problems.push({ name: 'body.alertContacts', in: 'body', reason: 'alert contacts can only be set for a production organization' });
  }
  const ids = details.alertContacts.map((a) => a.userId);
  const users = new Map((await em.find(User, { id: { $in: ids }, org: orgId })).map((u) => [u.id, u]));
  details.alertContacts.forEach(({ userId, messaging }, i) => {
    const user = users.get(userId);
    if (!user) problems.push({ name: `body.alertContacts.${i}.userId`, in: 'body', reason: 'not a user of this organization' });
    else if (needsWhatsApp(messaging) && !user.phone) problems.push({ name: `body.alertContacts.${i}.messaging`, in: 'body', reason: WHATSAPP_NEEDS_PHONE });
  });
  problems.push(...whatsappWithoutPhone(details));
  details.supportHours.forEach((range, i) => {
    if (range.from >= range.to) problems.push({ name: `body.supportHours.${i}.to`, in: 'body', reason: 'must be later than "from"' });
  });
  return problems;
}

/** Saves the details; when some are missing the draft is kept and a 422 lists exactly what. */
export async function putContacts(em: EntityManager, orgId: string, details: ContactDetails, actingUserId?: string, everyDays = DEFAULT_CONFIRM_EVERY_DAYS): Promise<ContactsView> {
  const ctx = await contactsContext(em, orgId);
  if (actingUserId) await checkEditor(em, orgId, actingUserId);
  const problems = await checkReferences(em, orgId, details, ctx.environment);
  if (problems.length) throw unprocessable('Some contact details refer to things that cannot be used.', problems);
  const missing = missingContacts(details, ctx);
  const row = (await em.findOne(OrgContacts, { org: orgId })) ?? em.create(OrgContacts, { org: orgId, ...details, missing, updatedAt: new Date() });
  // Whoever saves a complete set has looked at it: that confirms it.
  const confirmed = missing.length === 0 ? { confirmedAt: new Date(), confirmedBy: actingUserId ?? null } : {};
  em.assign(row, { ...details, missing, updatedBy: actingUserId ?? null, updatedAt: new Date(), ...confirmed });
  await em.flush();
  const result = view(orgId, row, details, missing, everyDays);
  if (missing.length === 0) return result;
  throw new ProblemError({
    status: 422,
    kind: 'contacts-incomplete',
    title: 'Contact details are incomplete',
    detail: `Saved as a draft. Still missing: ${missing.join(', ')}.`,
    errors: missing.map((field) => ({ name: `body.${field}`, in: 'body', reason: REASONS[field] })),
    extra: { missing, contacts: result },
  });
}

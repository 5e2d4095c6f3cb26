// The mandatory dialog shown until an organization's contact details are complete: what is missing,
// who may fill them in, and a way to invite the right person. Once complete, the same dialog asks
// every CONTACTS_CONFIRM_EVERY_DAYS days whether the emergency contacts are still right.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Repair, User } from '../../core/db/entities/index.js';
import { CLOSED_STATES } from '../../workflows/repair/repair-rules.js';
import { hasPermission } from '../../core/services/registry/permissions.js';
import type { ContactField } from '../../core/services/contacts/contact-completeness.js';
import type { ContactsView } from '../../core/services/contacts/contacts.service.js';
import { safeNext } from './merchant-session.js';
import { inviteFormModel } from './invite-form.js';
import type { Merchant } from './merchant-session.js';

export async function contactsDialogModel(em: EntityManager, merchant: Merchant, missing: ContactField[]) {
  const users = await em.find(User, { org: merchant.org.id }, { orderBy: { createdAt: 'asc' }, limit: 200 });
  const openRepairs = await em.count(Repair, { org: merchant.org.id, state: { $nin: [...CLOSED_STATES] } });
  return {
    missing: missing.map((field) => ({ key: `page.contacts.field.${field}` })),
    canEdit: hasPermission(merchant.user, 'contacts:edit'),
    editors: users.filter((u) => hasPermission(u, 'contacts:edit')).slice(0, 5).map((u) => ({ name: u.name ?? u.email, email: u.email })),
    openRepairs,
    invite: inviteFormModel(merchant.user),
  };
}

/** "Are these contacts still right?": the emergency contacts, and a confirm button for who may edit them. */
export async function confirmDialogModel(em: EntityManager, merchant: Merchant, contacts: ContactsView, here: string, everyDays: number) {
  const users = await em.find(User, { org: merchant.org.id }, { orderBy: { createdAt: 'asc' }, limit: 200 });
  return {
    days: everyDays,
    emergency: contacts.emergencyTechnical.map((p) => ({ name: p.name, email: p.email, phone: p.phone ?? '' })),
    canEdit: hasPermission(merchant.user, 'contacts:edit'),
    editors: users.filter((u) => hasPermission(u, 'contacts:edit')).slice(0, 5).map((u) => ({ name: u.name ?? u.email, email: u.email })),
    next: safeNext(here),
  };
}

// Contacts stay true: every N days (CONTACTS_CONFIRM_EVERY_DAYS, 90 by default) someone of the
// organization confirms the contact details, above all the emergency contacts, are still right.
// Saving a complete set counts as confirming it; the pages' mandatory dialog asks when it is due.
import type { EntityManager } from '@mikro-orm/postgresql';
import { OrgContacts, type OrgContactsRow } from '../../db/entities/index.js';
import { ProblemError, notFound } from '../problem.js';
import { actingUserIn } from '../registry/acting-user.js';
import { getOrg } from '../registry/orgs.service.js';

export { DEFAULT_CONFIRM_EVERY_DAYS } from '../../config/contacts-confirmation-setting.js';
const DAY_MS = 86_400_000;

export interface ContactsConfirmation {
  confirmedAt: string | null;
  /** The user who confirmed; null when a backend did (no acting user) or before anyone did. */
  confirmedBy: string | null;
  /** When the organization is asked again; null while there is nothing to confirm. */
  dueAt: string | null;
  /** True from `dueAt` on: the pages show the mandatory dialog until someone confirms. */
  due: boolean;
}

/** Details saved before confirmations existed count from their last change. */
export function confirmationOf(row: Pick<OrgContactsRow, 'confirmedAt' | 'confirmedBy' | 'updatedAt'> | null, everyDays: number, now = Date.now()): ContactsConfirmation {
  if (!row) return { confirmedAt: null, confirmedBy: null, dueAt: null, due: false };
  const since = (row.confirmedAt ?? row.updatedAt).getTime();
  const dueAt = since + everyDays * DAY_MS;
  return { confirmedAt: row.confirmedAt?.toISOString() ?? null, confirmedBy: row.confirmedBy ?? null, dueAt: new Date(dueAt).toISOString(), due: now >= dueAt };
}

/** Records that the details are still right (who and when). Incomplete details cannot be confirmed: 422 says what is missing. */
export async function confirmContacts(em: EntityManager, orgId: string, actingUserId?: string, now = new Date()): Promise<OrgContactsRow> {
  await getOrg(em, orgId);
  if (actingUserId) await actingUserIn(em, orgId, actingUserId, 'contacts:edit', 'body.actingUserId');
  const row = await em.findOne(OrgContacts, { org: orgId });
  if (!row) throw notFound('contact details of organization', orgId);
  if (row.missing.length > 0) {
    throw new ProblemError({
      status: 422,
      kind: 'contacts-incomplete',
      title: 'Contact details are incomplete',
      detail: `Complete them before confirming. Still missing: ${row.missing.join(', ')}.`,
      errors: row.missing.map((field) => ({ name: `body.${field}`, in: 'body', reason: 'missing' })),
      extra: { missing: row.missing },
    });
  }
  em.assign(row, { confirmedAt: now, confirmedBy: actingUserId ?? null });
  await em.flush();
  return row;
}

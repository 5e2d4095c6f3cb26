// The "invite a colleague" form (the Users tab of the contact-details dialog): only permissions the
// inviter has are offered; filling in the contact details is pre-selected, as that is why one invites here.
import { PERMISSIONS, hasPermission, type Permission } from '../../core/services/registry/permissions.js';
import type { UserRow } from '../../core/db/entities/index.js';
import type { FormFields } from './page-forms.js';
import { text } from './page-forms.js';

/** Everyone invited may at least see the integrations, when the inviter may. */
export function inviteBodyFromForm(form: FormFields, inviter: UserRow) {
  const name = text(form, 'name');
  const chosen = (form.permissions === undefined ? [] : Array.isArray(form.permissions) ? form.permissions : [form.permissions]).filter((p): p is string => typeof p === 'string');
  const base = hasPermission(inviter, 'integrations:view') ? ['integrations:view'] : [];
  return { email: text(form, 'email'), ...(name ? { name } : {}), permissions: [...new Set([...base, ...chosen])] };
}

export function inviteFormModel(inviter: UserRow, posted: { email?: string; name?: string; permissions?: string[]; errors?: Record<string, string> } = {}) {
  const selected = new Set(posted.permissions ?? ['contacts:edit']);
  return {
    canInvite: hasPermission(inviter, 'users:invite'),
    email: posted.email ?? '',
    name: posted.name ?? '',
    errors: { email: posted.errors?.email ?? null, name: posted.errors?.name ?? null, permissions: posted.errors?.permissions ?? null },
    permissions: PERMISSIONS.filter((p) => p !== 'integrations:view' && hasPermission(inviter, p as Permission)).map((p) => ({
      value: p,
      labelKey: `page.permission.${p.replace(':', '.')}`,
      checked: selected.has(p),
    })),
  };
}

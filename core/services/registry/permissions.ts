// What a merchant user may do. Names follow `area:action`, as API keys and tokens usually do.
// docs/roles.md lists what each permission opens, in the API and in the pages.
import { forbidden } from '../problem.js';
import type { RepairAction } from '../../../workflows/repair/repair-rules.js';

export const PERMISSIONS = [
  'integrations:view',
  'integrations:reconnect',
  'contacts:edit',
  'users:invite',
  'support:chat',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function hasPermission(user: { permissions: readonly string[] }, permission: Permission): boolean {
  return user.permissions.includes(permission);
}

/** The permission each repair action needs from the user it is done for. */
export const ACTION_PERMISSION: Record<RepairAction, Permission> = {
  submit_credentials: 'integrations:reconnect',
  submit_verification_code: 'integrations:reconnect',
  complete_steps: 'integrations:reconnect',
  defer: 'integrations:view',
  request_support: 'support:chat',
};

const REFUSALS: Record<Permission, string> = {
  'integrations:view': 'You are not allowed to see the integrations of this organization. Ask a colleague who manages integrations.',
  'integrations:reconnect': 'You are not allowed to update this provider account. Ask a colleague who manages integrations.',
  'contacts:edit': 'You are not allowed to edit the contact details. Ask a colleague who may.',
  'users:invite': 'You are not allowed to invite users. Ask a colleague who may.',
  'support:chat': 'You are not allowed to chat with support. Ask a colleague who may.',
};

/** Answers 403 (problem+json) when the user lacks the permission. */
export function requirePermission(user: { permissions: readonly string[] }, permission: Permission): void {
  if (!hasPermission(user, permission)) throw forbidden(REFUSALS[permission]);
}

// What a merchant user may do. Names follow `area:action`, as API keys and tokens usually do.
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

// The pages hold a signed-in user to the same permissions as the API (docs/roles.md): a page
// that shows integrations needs integrations:view, a support page support:chat.
import type { FastifyRequest } from 'fastify';
import { requirePermission, type Permission } from '../../core/services/registry/permissions.js';

/** Runs after requireMerchant: a user without the permission gets the "not allowed" page (403). */
export const requirePagePermission = (permission: Permission) => async (request: FastifyRequest): Promise<void> => {
  if (request.merchant) requirePermission(request.merchant.user, permission);
};

// Who may call a route is declared on the route itself (`config.auth`) and enforced by the auth
// plugin against the route that matched, never by looking at the URL. docs/roles.md is the matrix.
import type { ApiKeySetting } from '../../core/config/config.js';

export type ApiRole = ApiKeySetting['role'];

/** Either the API keys (by role) that may call the route, or why it needs none. */
export type RouteAccess = { readonly roles: readonly ApiRole[] } | { readonly public: PublicReason };

/** The only reasons a route may skip the API key: each authenticates its callers another way, or serves nothing private. */
export type PublicReason = 'health' | 'docs' | 'merchant-session' | 'twilio-signature' | 'printer-credentials';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAccess;
  }
}

/** The registry, sign-in links and webhooks: what a backend owns. */
export const SERVICE_ONLY = { auth: { roles: ['service'] } } as const satisfies { auth: RouteAccess };
/** Support work: tickets, reads, steering a repair. */
export const SUPPORT_TOO = { auth: { roles: ['service', 'agent'] } } as const satisfies { auth: RouteAccess };
export const publicRoute = (reason: PublicReason) => ({ auth: { public: reason } }) as const satisfies { auth: RouteAccess };

/** A route that declares nothing is treated as the strictest: service keys only (and a test fails). */
export const UNDECLARED: RouteAccess = SERVICE_ONLY.auth;

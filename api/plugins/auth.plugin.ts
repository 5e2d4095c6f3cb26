// API keys and their roles, checked against the route the router matched (its `config.auth`), so
// an encoded, dot-segment or absolute-form request target reaches no route without a key.
import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyRequest, RouteOptions } from 'fastify';
import type { ApiKeySetting } from '../../core/config/config.js';
import { forbidden, unauthorized } from '../../core/services/problem.js';
import { UNDECLARED, type RouteAccess } from './route-access.js';

declare module 'fastify' {
  interface FastifyRequest {
    caller: { role: ApiKeySetting['role'] } | null;
  }
  interface FastifyInstance {
    /** The API-key check of a route's access, for answers given outside a route (a 405). */
    admit(request: FastifyRequest, access: RouteAccess): void;
  }
}

export interface RouteTableEntry {
  method: string;
  url: string;
  /** null: the route declared nothing (it is then treated as service-only). */
  access: RouteAccess | null;
}

// Keyed by the HTTP server, which every encapsulated scope of one app shares.
const tables = new WeakMap<object, RouteOptions[]>();

/** Every route of the app listening on this server, with the access it declares (for the route-table tests). */
export function routeTable(server: object): RouteTableEntry[] {
  return (tables.get(server) ?? []).flatMap((r) => [r.method].flat().map((method) => ({ method: String(method), url: r.url, access: r.config?.auth ?? null })));
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export const authPlugin = fp<{ apiKeys: ApiKeySetting[] }>(
  async (app, { apiKeys }) => {
    // Keys are compared as digests in constant time; the clear keys are not kept.
    const known = apiKeys.map((k) => ({ digest: digest(k.key), role: k.role }));
    // Kept by reference: scopes such as the pages declare their routes' access in their own onRoute hook.
    const routes: RouteOptions[] = [];
    app.addHook('onRoute', (route) => {
      routes.push(route);
    });
    tables.set(app.server, routes);
    app.decorateRequest('caller', null);
    /** Lets the caller through `access`, or throws the 401/403 it deserves; sets `request.caller`. */
    const admit = (request: FastifyRequest, access: RouteAccess): void => {
      if ('public' in access) return;
      const header = request.headers.authorization;
      const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
      if (!match?.[1]) throw unauthorized('Send an API key as "Authorization: Bearer <key>".');
      const presented = digest(match[1]);
      const found = known.find((k) => timingSafeEqual(k.digest, presented));
      if (!found) throw unauthorized('The API key is not valid.');
      if (!access.roles.includes(found.role)) throw forbidden(`An API key with the ${found.role} role may not do this.`);
      request.caller = { role: found.role };
    };
    app.decorate('admit', admit);
    app.addHook('onRequest', async (request) => {
      // No route matched: the not-found handler decides (a 405 admits the caller as its path's routes would).
      if (request.is404) return;
      admit(request, request.routeOptions.config.auth ?? UNDECLARED);
    });
  },
  { name: 'auth' },
);

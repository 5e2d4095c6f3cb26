// Which methods a path has: a request for a known path with a method it lacks is a 405 naming
// the methods it does have (RFC 9110 §15.5.6), not a 404 that says the path does not exist.

import { UNDECLARED, type RouteAccess } from '../plugins/route-access.js';

/** find-my-way's route syntax (`/v1/orgs/:orgId`, `/assets/*`) as a regular expression over paths. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\*$/, '.*');
    })
    .join('/');
  return new RegExp(`^${source}$`);
}

/** What a 405 needs of a route: its methods, and its options (kept by reference: scopes fill in `config.auth` after this sees the route). */
export interface KnownRoute {
  method: string | string[];
  config?: { auth?: RouteAccess };
}

export class RouteMethods {
  private readonly routes = new Map<string, { pattern: RegExp; methods: Set<string>; options: KnownRoute[] }>();

  add(url: string, route: KnownRoute): void {
    const entry = this.routes.get(url) ?? { pattern: patternOf(url), methods: new Set<string>(), options: [] };
    for (const method of [route.method].flat()) entry.methods.add(method.toUpperCase());
    entry.options.push(route);
    this.routes.set(url, entry);
  }

  /** The methods some route answers at this path (empty when the path is unknown), and who may call them. */
  allowedAt(path: string): { methods: string[]; access: RouteAccess[] } {
    const allowed = new Set<string>();
    const access: RouteAccess[] = [];
    for (const { pattern, methods, options } of this.routes.values()) {
      if (!pattern.test(path)) continue;
      for (const method of methods) allowed.add(method);
      for (const route of options) access.push(route.config?.auth ?? UNDECLARED);
    }
    return { methods: [...allowed].sort(), access };
  }
}

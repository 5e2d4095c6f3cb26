// What the OpenAPI document says of each route beyond its own schema: the answers the API gives
// before or around the handler (auth, validation, body parsing, the HTTP parser), all as
// application/problem+json, and which routes need no API key. The route schemas keep saying
// what is particular to them; this keeps the document from leaving the rest out.
import type { FastifySchema, RouteOptions } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '../../core/services/problem.js';
import { UNDECLARED, type RouteAccess } from './route-access.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const DESCRIPTIONS: Record<string, string> = {
  '400': 'A field is invalid; `errors` names each one.',
  '401': 'No API key, or not a valid one.',
  '403': 'The caller may not do this.',
  '404': 'Something the request names does not exist.',
  '409': 'The request conflicts with the current state.',
  '413': 'The body is larger than 256 KiB.',
  '415': 'The body is not in a type this operation reads.',
  '422': 'The request is valid but cannot be applied.',
  '431': 'The request headers are too large.',
  '503': 'A backing service is not reachable; retry after `Retry-After` seconds.',
};

type RouteSchema = { hide?: boolean; params?: unknown; querystring?: unknown; body?: unknown; headers?: unknown; response?: Record<string, unknown>; security?: unknown; produces?: string[] } & Record<string, unknown>;

/** The auth plugin's rule, read from the same declaration: a route takes an API key unless it declares itself public. */
export const needsApiKey = (config: { auth?: RouteAccess } | undefined) => !('public' in (config?.auth ?? UNDECLARED));

const problemAnswer = (code: string, given?: unknown) => {
  const described = given as { description?: string; content?: Record<string, { schema?: unknown }> } | undefined;
  const schema = described?.content ? Object.values(described.content)[0]?.schema : given;
  return { description: described?.description ?? DESCRIPTIONS[code] ?? 'A problem (RFC 9457).', content: { [PROBLEM_CONTENT_TYPE]: { schema: schema ?? { $ref: 'Problem' } } } };
};

/** @fastify/swagger's `transform`: the route's schema as the document shows it. */
export function documentRoute({ schema, url, route }: { schema?: FastifySchema; url: string; route: RouteOptions }): { schema: FastifySchema; url: string } {
  const given = (schema ?? {}) as RouteSchema;
  if (given.hide) return { schema: given as FastifySchema, url };
  const methods = (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());
  const readsBody = methods.some((m) => BODY_METHODS.has(m));
  const withKey = needsApiKey(route.config as { auth?: RouteAccess } | undefined);
  const codes = new Set<string>(['431']);
  const printer = (route.config as { auth?: RouteAccess } | undefined)?.auth;
  const byPrinter = printer !== undefined && 'public' in printer && printer.public === 'printer-credentials';
  // Routes under /v1 without our key authenticate callers their own way (Twilio's signature), printers theirs: a 401 too.
  if (withKey || byPrinter || url.startsWith('/v1/')) codes.add('401');
  if (readsBody || given.params || given.querystring || given.body || given.headers) codes.add('400');
  if (url.includes(':')) codes.add('404');
  if (readsBody) ['413', '415'].forEach((c) => codes.add(c));

  const response: Record<string, unknown> = {};
  for (const [code, answer] of Object.entries(given.response ?? {})) response[code] = Number(code) >= 400 ? problemAnswer(code, answer) : answer;
  if (!Object.keys(response).some((code) => code.startsWith('2'))) {
    // A route that declares no success: say it answers one, in the type it produces.
    response['200'] = { description: 'Success', content: { [given.produces?.[0] ?? 'application/json']: { schema: {} } } };
  }
  for (const code of codes) response[code] ??= problemAnswer(code);
  // Printers send their own Basic credentials (no API key); other routes without a key need nothing.
  const security = withKey ? {} : { security: byPrinter ? [{ printerBasic: [] }] : [] };
  return { schema: { ...given, response, ...security } as FastifySchema, url };
}

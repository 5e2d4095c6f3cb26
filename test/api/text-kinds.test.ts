// Every string a route accepts (body, query, params; API and pages alike) is of a known text kind:
// one of the text formats of api/schemas/text.schemas.ts, a strict format (email, phone…), an enum,
// or a pattern that only admits plain ASCII. A new field without a kind fails here.
import Fastify, { type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../api/app.js';
import { registerFormats } from '../../api/schemas/formats.js';
import { TEXT_FORMATS } from '../../api/schemas/text.schemas.js';
import { createTestApi, type TestApi } from '../helpers/api.js';

const STRICT_FORMATS = new Set<string>([...TEXT_FORMATS, 'email', 'e164', 'iana-timezone', 'date-time', 'uri']);
/** Anchored (every top-level branch), with no negated class, no `.` and no \S/\W/\D: only the characters it names get through. */
function isClosedPattern(pattern: string): boolean {
  const branches: string[] = [''];
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      if (/[SWD]/.test(pattern[i + 1] ?? '')) return false;
      branches[branches.length - 1] += c + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) inClass = c !== ']';
    else if (c === '[') {
      if (pattern[i + 1] === '^') return false;
      inClass = true;
    } else if (c === '.') return false;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      branches.push('');
      continue;
    }
    branches[branches.length - 1] += c;
  }
  return branches.every((b) => b.startsWith('^') && b.endsWith('$'));
}

type Schema = Record<string, unknown>;

/** The string schemas in a schema that lack a text kind, by path. */
function untyped(schema: unknown, path: string, out: string[]): string[] {
  if (!schema || typeof schema !== 'object') return out;
  const s = schema as Schema;
  if (s.type === 'string' && s.const === undefined && s.enum === undefined) {
    const kinded = (typeof s.format === 'string' && STRICT_FORMATS.has(s.format)) || (typeof s.pattern === 'string' && isClosedPattern(s.pattern));
    if (!kinded) out.push(path);
  }
  for (const [key, value] of Object.entries(s.properties ?? {})) untyped(value, `${path}.${key}`, out);
  for (const value of Object.values((s.patternProperties as Schema) ?? {})) untyped(value, `${path}.*`, out);
  if (s.items) untyped(s.items, `${path}.0`, out);
  for (const key of ['anyOf', 'oneOf', 'allOf']) for (const [i, branch] of ((s[key] as unknown[]) ?? []).entries()) untyped(branch, `${path}|${i}`, out);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') untyped(s.additionalProperties, `${path}.*`, out);
  return out;
}

let api: TestApi;
const routes: RouteOptions[] = [];
beforeAll(async () => {
  api = await createTestApi();
  const instance = Fastify({ logger: false, ajv: { plugins: [registerFormats] } });
  instance.addHook('onRoute', (route) => void routes.push(route));
  await instance.register(app, { config: api.config, orm: api.db.orm, temporal: api.temporal });
  await instance.ready();
  await instance.close();
});
afterAll(async () => api?.close());

describe('text kinds', () => {
  it('finds the routes that take text', () => {
    const urls = routes.map((r) => `${String(r.method)} ${r.url}`);
    expect(urls).toEqual(expect.arrayContaining(['POST /v1/orgs', 'POST /v1/tickets', 'POST /v1/help/ask', 'POST /repairs/:repairId/support']));
  });

  it('gives every string of every body, query and params schema a text kind', () => {
    const missing = routes.flatMap((route) =>
      (['body', 'querystring', 'params'] as const).flatMap((part) => untyped(route.schema?.[part], `${String(route.method)} ${route.url} ${part}`, [])),
    );
    expect(missing).toEqual([]);
  });
});

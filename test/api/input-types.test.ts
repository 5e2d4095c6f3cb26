// Types at the door: a JSON body is taken as sent (no `false` becoming "false"), and a query
// integer is plain decimal digits within its documented bounds. Every operation of the OpenAPI
// document is covered, so a new route is checked the day it is added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApi, type TestApi } from '../helpers/api.js';
import { openApiDocument, operationsOf, resolveSchema, type OpenApiDocument, type OpenApiSchema, type Operation } from '../helpers/openapi-operations.js';

let api: TestApi;
let doc: OpenApiDocument;
let operations: Operation[];
beforeAll(async () => {
  api = await createTestApi();
  doc = await openApiDocument(api.app);
  operations = operationsOf(doc);
});
afterAll(async () => api?.close());

const isType = (schema: OpenApiSchema, type: string) => schema.type === type;

async function invalidNames(method: string, url: string, payload?: unknown): Promise<{ status: number; names: string[]; contentType: string }> {
  const res = await api.app.inject({
    method: method as 'GET',
    url,
    headers: { ...auth(), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
  const body = res.headers['content-type']?.toString().includes('json') ? (res.json() as { errors?: { name: string }[] }) : {};
  return { status: res.statusCode, names: (body.errors ?? []).map((e) => e.name), contentType: String(res.headers['content-type']) };
}

describe('JSON bodies', () => {
  const WRONG_FOR_STRING: unknown[] = [false, true, 0, 12, null, [], ['x'], {}, { a: 'x' }];

  it('refuse anything but a string where a string is declared, naming the field', async () => {
    const checked: string[] = [];
    const accepted: string[] = [];
    for (const op of operations) {
      const media = op.operation.requestBody?.content['application/json'];
      if (!media) continue;
      const schema = resolveSchema(doc, media.schema);
      for (const [field, raw] of Object.entries(schema.properties ?? {})) {
        if (!isType(resolveSchema(doc, raw), 'string')) continue;
        for (const wrong of WRONG_FOR_STRING) {
          const answer = await invalidNames(op.method, op.samplePath, { [field]: wrong });
          checked.push(`${op.method} ${op.path} ${field}`);
          if (answer.status !== 400 || !answer.names.includes(`body.${field}`) || !answer.contentType.startsWith('application/problem+json')) {
            accepted.push(`${op.method} ${op.path} body.${field}=${JSON.stringify(wrong)} → ${answer.status} [${answer.names.join(', ')}]`);
          }
        }
      }
    }
    expect(checked.length).toBeGreaterThan(50);
    expect(accepted).toEqual([]);
  }, 120_000);
});

describe('query integers', () => {
  /** Required query parameters other than the one under test get a value their schema accepts. */
  function queryFor(op: Operation, name: string, value: string): string {
    const params = new URLSearchParams();
    for (const p of op.operation.parameters ?? []) {
      if (p.in !== 'query' || p.name === name || !p.required) continue;
      const prefix = p.schema.pattern ? /^\^(\w+?)_/.exec(p.schema.pattern)?.[1] : undefined;
      params.set(p.name, prefix ? `${prefix}_0zz` : Array.isArray(p.schema.enum) ? String(p.schema.enum[0]) : 'x');
    }
    return `${op.samplePath}?${params.toString()}${params.size ? '&' : ''}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  }

  const integerParams = () =>
    operations.flatMap((op) => (op.operation.parameters ?? []).filter((p) => p.in === 'query' && p.schema.type === 'integer').map((p) => ({ op, param: p })));

  it('have documented bounds: every offset and limit has a maximum', () => {
    const paged = integerParams().filter(({ param }) => param.name === 'offset' || param.name === 'limit');
    expect(paged.length).toBeGreaterThanOrEqual(8);
    expect(paged.filter(({ param }) => typeof param.schema.maximum !== 'number' || typeof param.schema.minimum !== 'number').map(({ op, param }) => `${op.path} ${param.name}`)).toEqual([]);
  });

  it('are plain decimal digits within bounds; anything else is a 400 naming the field', async () => {
    const accepted: string[] = [];
    for (const { op, param } of integerParams()) {
      const max = param.schema.maximum as number;
      const min = param.schema.minimum as number;
      const wrong = ['1e21', '1e3', '9223372036854775808', '18446744073709551616', 'Infinity', '-Infinity', '1e400', 'NaN', '1.5', '2.0', '0x10', '0b1', ' 5', '5 ', '+5', '', 'abc', '٣', String(max + 1), String(min - 1)];
      for (const value of wrong) {
        const answer = await invalidNames(op.method, queryFor(op, param.name, value));
        if (answer.status !== 400 || !answer.names.includes(`query.${param.name}`)) accepted.push(`${op.path} ${param.name}=${JSON.stringify(value)} → ${answer.status} [${answer.names.join(', ')}]`);
      }
      for (const value of [String(min), String(max)]) {
        const answer = await invalidNames(op.method, queryFor(op, param.name, value));
        if (answer.names.includes(`query.${param.name}`)) accepted.push(`${op.path} ${param.name}=${value} refused`);
      }
    }
    expect(accepted).toEqual([]);
  }, 120_000);
});

// The OpenAPI document is the truth about every operation: the answers it can give (with the
// content type they really have), and who may call it. Checked for every operation the document
// lists, against what the API does when asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApi, type TestApi } from '../helpers/api.js';
import { isPublic, openApiDocument, operationsOf, type OpenApiDocument, type Operation } from '../helpers/openapi-operations.js';

let api: TestApi;
let doc: OpenApiDocument;
let operations: Operation[];
beforeAll(async () => {
  api = await createTestApi();
  doc = await openApiDocument(api.app);
  operations = operationsOf(doc);
});
afterAll(async () => api?.close());

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const declared = (op: Operation) => new Set(Object.keys(op.operation.responses));
const hasInput = (op: Operation) => (op.operation.parameters ?? []).length > 0 || op.operation.requestBody !== undefined || BODY_METHODS.has(op.method);

/** Each rule gives the operations that break it, so a failure names them all. */
function breaking(rule: (op: Operation) => string | undefined): string[] {
  return operations.flatMap((op) => {
    const why = rule(op);
    return why ? [`${op.method} ${op.path}: ${why}`] : [];
  });
}

describe('the OpenAPI document', () => {
  it('lists all 48 operations', () => {
    expect(operations.length).toBeGreaterThanOrEqual(48);
  });

  it('gives every error answer as application/problem+json', () => {
    expect(
      breaking((op) => {
        const wrong = Object.entries(op.operation.responses).filter(([code, r]) => Number(code) >= 400 && Object.keys(r.content ?? {}).join() !== 'application/problem+json');
        return wrong.length ? `${wrong.map(([code, r]) => `${code} as ${Object.keys(r.content ?? {}).join('|') || 'nothing'}`).join(', ')}` : undefined;
      }),
    ).toEqual([]);
  });

  it('lists 431 everywhere, 400 where input is read, 404 where the path names something, 413 and 415 where a body is read', () => {
    expect(
      breaking((op) => {
        const codes = declared(op);
        const missing = [
          '431',
          ...(hasInput(op) ? ['400'] : []),
          ...((op.operation.parameters ?? []).some((p) => p.in === 'path') ? ['404'] : []),
          ...(BODY_METHODS.has(op.method) ? ['413', '415'] : []),
        ].filter((code) => !codes.has(code));
        return missing.length ? `missing ${missing.join(', ')}` : undefined;
      }),
    ).toEqual([]);
  });

  it('asks for the API key exactly where the API does, and lists its 401 there', async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      const res = await api.app.inject({ method: op.method as 'GET', url: op.samplePath });
      const withKey = await api.app.inject({ method: op.method as 'GET', url: op.samplePath, headers: auth() });
      // A route that checks its callers another way (Twilio's signature) answers 401 with our key too.
      const asksForKey = res.statusCode === 401 && withKey.statusCode !== 401;
      if (asksForKey && isPublic(doc, op.operation)) wrong.push(`${op.method} ${op.path}: answers 401 but the document says it is public`);
      if (!asksForKey && !isPublic(doc, op.operation)) wrong.push(`${op.method} ${op.path}: answers ${res.statusCode} without a key but the document asks for one`);
      if (res.statusCode === 401 && !declared(op).has('401')) wrong.push(`${op.method} ${op.path}: 401 not listed`);
    }
    expect(wrong).toEqual([]);
  });

  it('lists the answers to a body too large and a body of an unknown type', async () => {
    const wrong: string[] = [];
    for (const op of operations.filter((o) => BODY_METHODS.has(o.method))) {
      const tooLarge = await api.app.inject({ method: op.method as 'POST', url: op.samplePath, headers: { ...auth(), 'content-type': 'application/json' }, payload: `{"x":"${'a'.repeat(300 * 1024)}"}` });
      const unknownType = await api.app.inject({ method: op.method as 'POST', url: op.samplePath, headers: { ...auth(), 'content-type': 'text/x-unknown' }, payload: 'hello' });
      for (const res of [tooLarge, unknownType]) {
        if (!declared(op).has(String(res.statusCode))) wrong.push(`${op.method} ${op.path}: answers ${res.statusCode}, not listed`);
        if (!String(res.headers['content-type']).startsWith('application/problem+json')) wrong.push(`${op.method} ${op.path}: ${res.statusCode} as ${res.headers['content-type']}`);
      }
      if (tooLarge.statusCode !== 413) wrong.push(`${op.method} ${op.path}: a 300 KiB body answers ${tooLarge.statusCode}`);
      if (unknownType.statusCode !== 415) wrong.push(`${op.method} ${op.path}: text/x-unknown answers ${unknownType.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });
});

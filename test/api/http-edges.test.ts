// What the API answers before any route runs, over a real socket: a method the path does not
// have (405 with Allow), headers too large (431), a request that is not HTTP (400). Each is
// problem+json like every other error.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApi, type TestApi } from '../helpers/api.js';
import { openApiDocument, operationsOf, type Operation } from '../helpers/openapi-operations.js';

let api: TestApi;
let base: string;
let operations: Operation[];
beforeAll(async () => {
  api = await createTestApi();
  operations = operationsOf(await openApiDocument(api.app));
  base = await api.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => api?.close());

/** Sends raw bytes and reads the whole answer (the server closes the connection after an error). */
function rawExchange(bytes: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.write(bytes);
  });
}

describe('before any route', () => {
  it('answers 405 with Allow for every method a known path does not have', async () => {
    const byPath = new Map<string, { sample: string; methods: Set<string> }>();
    for (const op of operations) {
      const entry = byPath.get(op.path) ?? { sample: op.samplePath, methods: new Set<string>() };
      entry.methods.add(op.method);
      if (op.method === 'GET') entry.methods.add('HEAD');
      byPath.set(op.path, entry);
    }
    const wrong: string[] = [];
    for (const [path, { sample, methods }] of byPath) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !methods.has(m))) {
        const res = await fetch(`${base}${sample}`, { method, headers: auth() });
        const allow = new Set((res.headers.get('allow') ?? '').split(',').map((m) => m.trim()).filter(Boolean));
        const problem = res.headers.get('content-type')?.startsWith('application/problem+json') ? ((await res.json()) as { status: number }) : undefined;
        if (res.status !== 405 || problem?.status !== 405 || [...methods].some((m) => !allow.has(m)) || allow.has(method)) {
          wrong.push(`${method} ${path} → ${res.status} ${res.headers.get('content-type')} Allow: ${res.headers.get('allow')}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('still answers 404 problem+json for a path that does not exist', async () => {
    const res = await fetch(`${base}/v1/no-such-thing`, { method: 'DELETE', headers: auth() });
    expect(res.status).toBe(404);
    expect(res.headers.get('allow')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers headers too large with a 431 problem+json', async () => {
    const answer = await rawExchange(`GET /v1/orgs HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 431, title: expect.any(String), type: expect.stringContaining('/problems/') });
  });

  it('answers a request that is not HTTP with a 400 problem+json', async () => {
    for (const bytes of ['HELLO THERE\r\n\r\n', 'GET /v1/orgs HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 'GET /\x00 HTTP/1.1\r\n\r\n']) {
      const answer = await rawExchange(bytes);
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 400, type: expect.stringContaining('/problems/') });
    }
  });
});

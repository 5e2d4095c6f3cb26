// Text at the door: every route that stores text refuses NUL, control, bidi-override, zero-width,
// lone-surrogate and undecodable characters with a 400 naming the field, and stores names
// normalized. Requests go over a real socket: the bytes on the wire are what the API decodes.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
let base: string;
beforeAll(async () => {
  api = await createTestApi();
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => api?.close());

/** Body templates: BAD marks the field under test. */
const ROUTES: { method: string; url: string; field: string; body: (bad: string) => unknown }[] = [
  { method: 'POST', url: '/v1/orgs', field: 'body.name', body: (x) => ({ name: `Tapas${x}`, locale: 'es', timezone: 'Europe/Madrid', environment: 'production' }) },
  { method: 'POST', url: '/v1/orgs/org_x1/users', field: 'body.name', body: (x) => ({ email: 'a@example.com', name: `Ana${x}`, permissions: [] }) },
  { method: 'POST', url: '/v1/orgs/org_x1/locations', field: 'body.name', body: (x) => ({ name: `Centro${x}` }) },
  { method: 'POST', url: '/v1/orgs/org_x1/brands', field: 'body.name', body: (x) => ({ name: `Brand${x}` }) },
  { method: 'POST', url: '/v1/connections', field: 'body.accountRef', body: (x) => ({ orgId: 'org_x1', provider: 'uber_eats', accountRef: `acct${x}`, storeIds: ['str_x1'] }) },
  { method: 'POST', url: '/v1/disconnections', field: 'body.errorCode', body: (x) => ({ connectionId: 'con_x1', errorCode: `AUTH${x}` }) },
  { method: 'POST', url: '/v1/disconnections', field: 'body.errorMessage', body: (x) => ({ connectionId: 'con_x1', errorCode: 'AUTH', errorMessage: `Expired${x}` }) },
  { method: 'POST', url: '/v1/repairs/rep_x1/support', field: 'body.message', body: (x) => ({ actingUserId: 'usr_x1', message: `Help${x}` }) },
  { method: 'POST', url: '/v1/repairs/rep_x1/credentials', field: 'body.username', body: (x) => ({ actingUserId: 'usr_x1', username: `chef${x}`, password: 'secret-pass' }) },
  { method: 'PUT', url: '/v1/orgs/org_x1/contacts', field: 'body.emergencyTechnical.0.name', body: (x) => ({ alertContacts: [], emergencyTechnical: [{ name: `Tech${x}`, email: 't@example.com' }], nonEmergencyTechnical: [], merchantOperations: [], platformOperations: [], userFacingOperations: null, supportHours: [] }) },
  { method: 'POST', url: '/v1/tickets', field: 'body.subject', body: (x) => ({ orgId: 'org_x1', actingUserId: 'usr_x1', subject: `Printer${x}`, message: 'It stopped.' }) },
  { method: 'POST', url: '/v1/tickets', field: 'body.message', body: (x) => ({ orgId: 'org_x1', actingUserId: 'usr_x1', subject: 'Printer', message: `It stopped.${x}` }) },
  { method: 'POST', url: '/v1/tickets/tkt_x1/messages', field: 'body.body', body: (x) => ({ author: 'merchant', body: `Still down${x}` }) },
  { method: 'POST', url: '/v1/help/ask', field: 'body.question', body: (x) => ({ question: `How do I reconnect${x}` }) },
];

/** Characters no stored text may hold; a message may still hold tabs and line breaks. */
const FORBIDDEN: [string, string][] = [
  ['NUL', '\u0000'],
  ['ESC (a printer command)', '\u001b@'],
  ['a C1 control', '\u0085'],
  ['DEL', '\u007f'],
  ['a right-to-left override', '\u202e'],
  ['a bidi isolate', '\u2067'],
  ['a zero-width space', '\u200b'],
  ['a byte-order mark inside the text', 'x\ufeffy'],
  ['a lone surrogate', '\ud800'],
  ['U+FFFD', '\ufffd'],
  ['a line separator', '\u2028'],
];

async function send(method: string, url: string, body: Buffer | string, contentType = 'application/json') {
  const res = await fetch(base + url, { method, body, headers: { ...auth(), 'content-type': contentType } });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: () => JSON.parse(text) as { errors?: { name: string; reason: string }[] } };
}

function expectNamed(res: Awaited<ReturnType<typeof send>>, field: string, label = "") {
  expect(res.status, `${field} ${label}`).toBe(400);
  expect(res.type).toMatch(/^application\/problem\+json/);
  expect(res.json().errors?.map((e) => e.name)).toContain(field);
}

describe('text at the door', () => {
  it.each(ROUTES.map((r) => [`${r.method} ${r.url} ${r.field}`, r] as const))('%s: refuses NUL, controls, bidi and invisible characters', async (_, route) => {
    for (const [label, bad] of FORBIDDEN) {
      // JSON.stringify escapes a lone surrogate as \ud800: the API receives exactly that.
      expectNamed(await send(route.method, route.url, JSON.stringify(route.body(bad))), route.field, label);
    }
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.url} ${r.field}`, r] as const))('%s: refuses invalid UTF-8 bytes', async (_, route) => {
    const json = JSON.stringify(route.body('@@BAD@@'));
    const [before, after] = json.split('@@BAD@@') as [string, string];
    for (const bytes of [[0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      const body = Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
      expectNamed(await send(route.method, route.url, body), route.field);
    }
  });

  it('refuses a NUL in the search words and a NUL or undecodable byte in a password', async () => {
    const search = await fetch(`${base}/v1/help/articles?q=${encodeURIComponent('printer\u0000')}`, { headers: auth() });
    expect(search.status).toBe(400);
    expect(((await search.json()) as { errors: { name: string }[] }).errors.map((e) => e.name)).toContain('query.q');
    const body = (pw: string) => JSON.stringify({ actingUserId: 'usr_x1', username: 'chef', password: pw });
    expectNamed(await send('POST', '/v1/repairs/rep_x1/credentials', body('pass\u0000word')), 'body.password');
    expectNamed(await send('POST', '/v1/repairs/rep_x1/credentials', Buffer.concat([Buffer.from(body('pass@').slice(0, -3)), Buffer.from([0xff]), Buffer.from('"}')])), 'body.password');
  });

  it('refuses NUL, a lone surrogate or undecodable bytes in a webhook URL and signing secret', async () => {
    const body = (url: string, secret: string) => JSON.stringify({ url, events: ['repair.opened'], secret });
    const secret = `whsec_${'A'.repeat(32)}`;
    for (const bad of ['\u0000', '\ud800', '\ufffd']) {
      expectNamed(await send('POST', '/v1/webhooks', body(`https://hooks.example.com/a${bad}`, secret)), 'body.url');
      expectNamed(await send('POST', '/v1/webhooks', body('https://hooks.example.com/a', `${secret}${bad}`)), 'body.secret');
    }
  });

  it('keeps line breaks and tabs in a message, and emoji joined by ZWJ in a name', async () => {
    const res = await send('POST', '/v1/help/ask', JSON.stringify({ question: 'The printer\r\n\tstopped. 👨‍🍳' }));
    expect(res.status).toBe(200);
    const org = await send('POST', '/v1/orgs', JSON.stringify({ name: 'Casa 👨‍👩‍👧', locale: 'es', timezone: 'Europe/Madrid', environment: 'production' }));
    expect(org.status).toBe(201);
  });

  it('stores names trimmed with white space collapsed', async () => {
    const res = await send('POST', '/v1/orgs', JSON.stringify({ name: '   \t Tapas \n\n  Group\u00a0\u00a0 ', locale: 'es', timezone: 'Europe/Madrid', environment: 'production' }));
    expect(res.status).toBe(201);
    const org = res.json() as unknown as { id: string; name: string };
    expect(org.name).toBe('Tapas Group');
    const location = await send('POST', `/v1/orgs/${org.id}/locations`, JSON.stringify({ name: `${' '.repeat(60)}- 1. Centro` }));
    expect((location.json() as unknown as { name: string }).name).toBe('- 1. Centro');
    const read = await fetch(`${base}/v1/orgs/${org.id}`, { headers: auth() });
    expect(((await read.json()) as { name: string }).name).toBe('Tapas Group');
  });

  it('refuses a name that is only white space', async () => {
    expectNamed(await send('POST', '/v1/orgs', JSON.stringify({ name: ' \t\n\u3000 ', locale: 'es', timezone: 'Europe/Madrid', environment: 'production' })), 'body.name');
  });
});

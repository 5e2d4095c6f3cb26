// A store's POS printer is reached over raw TCP by the worker: an address inside our network (in any
// spelling) is refused when the store is registered, with a 422 naming the field.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auth, createTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
let orgId = '';
beforeAll(async () => {
  api = await createTestApi();
  orgId = ((await post('/v1/orgs', { name: 'Pizzería Ñandú', locale: 'es', timezone: 'Europe/Madrid', environment: 'production' })).json() as { id: string }).id;
});
afterAll(async () => api?.close());

const post = (url: string, payload: object) => api.app.inject({ method: 'POST', url, payload, headers: auth() });

async function store(printerAddress: string) {
  const loc = (await post(`/v1/orgs/${orgId}/locations`, { name: `Kitchen ${Math.random()}`, timezone: 'Europe/Madrid' })).json() as { id: string };
  const brand = (await post(`/v1/orgs/${orgId}/brands`, { name: `Brand ${Math.random()}` })).json() as { id: string };
  return post(`/v1/orgs/${orgId}/stores`, { locationId: loc.id, brandId: brand.id, printerAddress });
}

it.each(['169.254.169.254', '169.254.169.254:80', '127.0.0.1:9100', '2130706433', '0x7f000001:9100', '0177.0.0.1', '127.1', '0.0.0.0', '10.0.0.7:9100', '192.168.1.50', '100.64.0.9', 'localhost', 'printer.local:9100', 'metadata.google.internal'])(
  'refuses a printer at %s with 422 naming printerAddress',
  async (printerAddress) => {
    const res = await store(printerAddress);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((res.json() as { errors: { name: string }[] }).errors.map((e) => e.name)).toEqual(['body.printerAddress']);
  },
);

it('accepts a printer at a public address or name', async () => {
  expect((await store('81.2.69.142:9100')).statusCode).toBe(201);
  expect((await store('pos-1.pizzeria-nandu.es')).statusCode).toBe(201);
});

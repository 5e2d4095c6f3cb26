// Planned closures over the API on the real database: the rule's refusals name their field, an
// overlap is a 409 naming the closure in the way, and a closure can be listed and withdrawn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { auth, createTestApi, TEST_AGENT_KEY, type TestApi } from '../helpers/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api?.close());

async function post(url: string, payload: object) {
  const res = await api.app.inject({ method: 'POST', url, payload, headers: auth() });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

async function org() {
  const o = await post('/v1/orgs', { name: 'Taquería Cerrada', locale: 'es', timezone: 'Europe/Madrid', environment: 'production' });
  const editor = await post(`/v1/orgs/${o.id}/users`, { email: `jefa-${o.id}@example.com`, permissions: ['contacts:edit'] });
  const cook = await post(`/v1/orgs/${o.id}/users`, { email: `cocina-${o.id}@example.com`, permissions: ['integrations:view'] });
  const mexico = await post(`/v1/orgs/${o.id}/locations`, { name: 'Condesa', timezone: 'America/Mexico_City' });
  const madrid = await post(`/v1/orgs/${o.id}/locations`, { name: 'Lavapiés' });
  return { orgId: o.id, editor: editor.id, cook: cook.id, mexico: mexico.id, madrid: madrid.id };
}

const local = (days: number, zone = 'Europe/Madrid') => DateTime.now().setZone(zone).plus({ days }).startOf('day').toFormat("yyyy-MM-dd'T'HH:mm");
const create = (orgId: string, payload: object) => api.app.inject({ method: 'POST', url: `/v1/orgs/${orgId}/closures`, payload, headers: auth() });
const names = (res: { json(): unknown }) => ((res.json() as { errors?: { name: string }[] }).errors ?? []).map((e) => e.name);

describe('planned closures', () => {
  it('plans a holiday in the location\'s own time zone and lists it', async () => {
    const o = await org();
    const res = await create(o.orgId, { locationId: o.mexico, reason: 'holiday', note: 'Día de Reyes', startsLocal: local(3, 'America/Mexico_City'), endsLocal: local(4, 'America/Mexico_City'), actingUserId: o.editor });
    expect(res.statusCode).toBe(201);
    const closure = res.json() as { id: string; timezone: string; startsAt: string; active: boolean; createdBy: string };
    expect(closure).toMatchObject({ timezone: 'America/Mexico_City', active: false, createdBy: o.editor });
    expect(DateTime.fromISO(closure.startsAt).setZone('America/Mexico_City').toFormat('HH:mm')).toBe('00:00');
    const list = await api.app.inject({ method: 'GET', url: `/v1/orgs/${o.orgId}/closures?locationId=${o.mexico}`, headers: auth(TEST_AGENT_KEY) });
    expect((list.json() as { items: { id: string }[] }).items.map((c) => c.id)).toEqual([closure.id]);
    const other = await api.app.inject({ method: 'GET', url: `/v1/orgs/${o.orgId}/closures?locationId=${o.madrid}`, headers: auth() });
    expect((other.json() as { items: unknown[] }).items).toEqual([]);
  });

  it('answers problem+json naming the field: end before start, unknown zone, a skipped time, another org\'s location', async () => {
    const o = await org();
    const backwards = await create(o.orgId, { locationId: o.madrid, reason: 'other', startsLocal: local(5), endsLocal: local(4) });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(names(backwards)).toEqual(['body.endsLocal']);
    const zone = await create(o.orgId, { locationId: o.madrid, reason: 'other', startsLocal: local(4), endsLocal: local(5), timezone: 'Europe/Atlantis' });
    expect(zone.statusCode).toBe(400);
    expect(names(zone)).toEqual(['body.timezone']);
    const shape = await create(o.orgId, { locationId: o.madrid, reason: 'closed', startsLocal: '24/12/2026', endsLocal: local(5) });
    expect(shape.statusCode).toBe(400);
    expect(names(shape)).toEqual(expect.arrayContaining(['body.reason', 'body.startsLocal']));
    const skipped = await create(o.orgId, { locationId: o.madrid, reason: 'other', startsLocal: '2027-03-28T02:30', endsLocal: '2027-03-29T00:00' });
    expect(skipped.statusCode).toBe(422);
    expect(names(skipped)).toEqual(['body.startsLocal']);
    const stranger = await org();
    const foreign = await create(o.orgId, { locationId: stranger.madrid, reason: 'other', startsLocal: local(4), endsLocal: local(5) });
    expect(foreign.statusCode).toBe(422);
    expect(names(foreign)).toEqual(['body.locationId']);
  });

  it('refuses an overlap with 409 naming the closure in the way; back-to-back is fine', async () => {
    const o = await org();
    const first = (await create(o.orgId, { locationId: o.madrid, reason: 'renovation', startsLocal: local(10), endsLocal: local(20) })).json() as { id: string };
    const clash = await create(o.orgId, { locationId: o.madrid, reason: 'holiday', startsLocal: local(19), endsLocal: local(21) });
    expect(clash.statusCode).toBe(409);
    expect(names(clash)).toEqual(['body.startsLocal']);
    expect((clash.json() as { conflictingClosureIds: string[] }).conflictingClosureIds).toEqual([first.id]);
    expect((await create(o.orgId, { locationId: o.madrid, reason: 'holiday', startsLocal: local(20), endsLocal: local(21) })).statusCode).toBe(201);
    // Another location is another calendar.
    expect((await create(o.orgId, { locationId: o.mexico, reason: 'holiday', startsLocal: local(19, 'America/Mexico_City'), endsLocal: local(21, 'America/Mexico_City') })).statusCode).toBe(201);
  });

  it('only a user who may edit the contact details plans or withdraws for a merchant', async () => {
    const o = await org();
    const refused = await create(o.orgId, { locationId: o.madrid, reason: 'holiday', startsLocal: local(2), endsLocal: local(3), actingUserId: o.cook });
    expect(refused.statusCode).toBe(403);
    const made = (await create(o.orgId, { locationId: o.madrid, reason: 'holiday', startsLocal: local(2), endsLocal: local(3) })).json() as { id: string };
    const url = `/v1/orgs/${o.orgId}/closures/${made.id}`;
    expect((await api.app.inject({ method: 'DELETE', url: `${url}?actingUserId=${o.cook}`, headers: auth() })).statusCode).toBe(403);
    expect((await api.app.inject({ method: 'DELETE', url, headers: auth(TEST_AGENT_KEY) })).statusCode).toBe(403);
    expect((await api.app.inject({ method: 'DELETE', url: `${url}?actingUserId=${o.editor}`, headers: auth() })).statusCode).toBe(204);
    expect((await api.app.inject({ method: 'GET', url, headers: auth() })).statusCode).toBe(404);
  });
});

// Contacts stay true, over the API on the real database: saving a complete set confirms it, the
// confirmation falls due after CONTACTS_CONFIRM_EVERY_DAYS, and confirming records who and when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrgContacts } from '../../core/db/entities/index.js';
import { auth, createTestApi, TEST_AGENT_KEY, type TestApi } from '../helpers/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ CONTACTS_CONFIRM_EVERY_DAYS: '30' });
});
afterAll(async () => api?.close());

async function post(url: string, payload: object) {
  const res = await api.app.inject({ method: 'POST', url, payload, headers: auth() });
  return res.json() as { id: string };
}

async function org() {
  const o = await post('/v1/orgs', { name: 'Pastelaria Confirmada', locale: 'pt', timezone: 'Europe/Lisbon', environment: 'sandbox' });
  const editor = await post(`/v1/orgs/${o.id}/users`, { email: `dona-${o.id}@example.com`, permissions: ['contacts:edit'] });
  const clerk = await post(`/v1/orgs/${o.id}/users`, { email: `caixa-${o.id}@example.com`, permissions: ['integrations:view'] });
  return { orgId: o.id, editor: editor.id, clerk: clerk.id };
}

const details = {
  alertContacts: [],
  emergencyTechnical: [{ name: 'Piquete', email: 'piquete@pastelaria.example', phone: '+351912000111' }],
  nonEmergencyTechnical: [{ name: 'Rui', email: 'rui@pastelaria.example' }],
  merchantOperations: [],
  platformOperations: [{ name: 'Ops', email: 'ops@pastelaria.example' }],
  userFacingOperations: { email: 'ajuda@pastelaria.example' },
  supportHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '19:00', timezone: 'Europe/Lisbon' }],
};
type View = { confirmation: { confirmedAt: string | null; confirmedBy: string | null; dueAt: string | null; due: boolean } };
const get = async (orgId: string) => (await api.app.inject({ method: 'GET', url: `/v1/orgs/${orgId}/contacts`, headers: auth(TEST_AGENT_KEY) })).json() as View;
const confirm = (orgId: string, payload: object) => api.app.inject({ method: 'POST', url: `/v1/orgs/${orgId}/contacts/confirmation`, payload, headers: auth() });

describe('contact confirmation', () => {
  it('nothing to confirm before the details are complete; a complete save confirms them for the setting\'s days', async () => {
    const o = await org();
    expect((await get(o.orgId)).confirmation).toEqual({ confirmedAt: null, confirmedBy: null, dueAt: null, due: false });
    const early = await confirm(o.orgId, {});
    expect(early.statusCode).toBe(404);
    await api.app.inject({ method: 'PUT', url: `/v1/orgs/${o.orgId}/contacts`, payload: { ...details, platformOperations: [] }, headers: auth() });
    const draft = await confirm(o.orgId, {});
    expect(draft.statusCode).toBe(422);
    expect((draft.json() as { errors: { name: string }[] }).errors.map((e) => e.name)).toEqual(['body.platformOperations']);

    const saved = await api.app.inject({ method: 'PUT', url: `/v1/orgs/${o.orgId}/contacts`, payload: { ...details, actingUserId: o.editor }, headers: auth() });
    expect(saved.statusCode).toBe(200);
    const { confirmation } = saved.json() as View;
    expect(confirmation).toMatchObject({ confirmedBy: o.editor, due: false });
    expect(Date.parse(confirmation.dueAt!) - Date.parse(confirmation.confirmedAt!)).toBe(30 * 86_400_000);
  });

  it('falls due after the set days; confirming records who and when, and only an editor may', async () => {
    const o = await org();
    await api.app.inject({ method: 'PUT', url: `/v1/orgs/${o.orgId}/contacts`, payload: details, headers: auth() });
    await api.db.orm.em.fork().nativeUpdate(OrgContacts, { org: o.orgId }, { confirmedAt: new Date(Date.now() - 31 * 86_400_000), confirmedBy: null });
    expect((await get(o.orgId)).confirmation.due).toBe(true);

    expect((await confirm(o.orgId, { actingUserId: o.clerk })).statusCode).toBe(403);
    expect((await confirm(o.orgId, { actingUserId: 'usr_nobody' })).statusCode).toBe(422);
    expect((await confirm(o.orgId, { actingUserId: 42 })).statusCode).toBe(400);
    const res = await confirm(o.orgId, { actingUserId: o.editor });
    expect(res.statusCode).toBe(200);
    expect((res.json() as View).confirmation).toMatchObject({ confirmedBy: o.editor, due: false });
    expect(Date.now() - Date.parse((res.json() as View).confirmation.confirmedAt!)).toBeLessThan(60_000);
  });
});

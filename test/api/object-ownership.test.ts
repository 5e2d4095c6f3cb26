// Every id in a body must belong to the organization it is used with: an id of another
// organization is answered 422 naming the field (and changes nothing), over the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupportTicket } from '../../core/db/entities/index.js';
import { ruleFor } from '../../core/providers/index.js';
import { auth, createTestApi, type TestApi } from '../helpers/api.js';
import { report, setUpMerchant, type MerchantSetup, type RepairStack } from '../helpers/repair-stack.js';

let api: TestApi;
let ours: MerchantSetup;
let theirs: MerchantSetup;
let theirRepairId: string;

beforeAll(async () => {
  api = await createTestApi();
  const stack = { app: api.app } as RepairStack;
  ours = await setUpMerchant(stack, { provider: 'glovo' });
  theirs = await setUpMerchant(stack, { provider: 'glovo' });
  // Their repair exists (no worker needed: only the record and its workflow's start matter here).
  theirRepairId = (await report(stack, theirs.connectionId, ruleFor('glovo', 'invalid_store_config', 'store_inactive')!.code)).repairId;
});
afterAll(async () => api?.close());

const send = (method: 'POST' | 'PUT', url: string, payload: object) => api.app.inject({ method, url, payload, headers: auth() });

/** 422 problem+json whose errors name exactly this field. */
function expectNamed(res: Awaited<ReturnType<typeof send>>, field: string) {
  expect(res.statusCode, res.body).toBe(422);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect((res.json() as { errors: { name: string }[] }).errors.map((e) => e.name)).toContain(field);
}

describe('ids in a body belong to the organization they are used with', () => {
  it('a ticket cannot carry another organization\'s repair (nor its context)', async () => {
    const res = await send('POST', '/v1/tickets', { orgId: ours.orgId, actingUserId: ours.owner, subject: 'Help', message: 'Look at this', repairId: theirRepairId });
    expectNamed(res, 'body.repairId');
    expect(res.body).not.toContain(theirs.accountRef);
    expect(await api.db.orm.em.fork().count(SupportTicket, { org: ours.orgId })).toBe(0);
  });

  it('a ticket cannot be opened for a user of another organization', async () => {
    expectNamed(await send('POST', '/v1/tickets', { orgId: ours.orgId, actingUserId: theirs.owner, subject: 'Help', message: 'Hi' }), 'body.actingUserId');
  });

  it('a connection cannot serve another organization\'s store', async () => {
    expectNamed(await send('POST', '/v1/connections', { orgId: ours.orgId, provider: 'glovo', accountRef: 'acct-steal', storeIds: [ours.storeIds[0], theirs.storeIds[0]] }), 'body.storeIds.1');
  });

  it('contacts cannot name another organization\'s user, nor be edited by one', async () => {
    expectNamed(await send('PUT', `/v1/orgs/${ours.orgId}/contacts`, { alertContacts: [{ userId: theirs.owner }], emergencyTechnical: [], nonEmergencyTechnical: [], merchantOperations: [], platformOperations: [], userFacingOperations: null, supportHours: [] }), 'body.alertContacts.0.userId');
    expectNamed(await send('PUT', `/v1/orgs/${ours.orgId}/contacts`, { actingUserId: theirs.owner, alertContacts: [], emergencyTechnical: [], nonEmergencyTechnical: [], merchantOperations: [], platformOperations: [], userFacingOperations: null, supportHours: [] }), 'body.actingUserId');
  });

  it('a sign-in link cannot open another organization\'s repair', async () => {
    const res = await send('POST', `/v1/orgs/${ours.orgId}/users/${ours.owner}/sign-in-links`, { repairId: theirRepairId });
    expectNamed(res, 'body.repairId');
    expect(res.body).not.toContain('/r/');
  });

  it('a store cannot be built from another organization\'s location or brand', async () => {
    const location = (await send('POST', `/v1/orgs/${theirs.orgId}/locations`, { name: 'Theirs' })).json() as { id: string };
    const brand = (await send('POST', `/v1/orgs/${ours.orgId}/brands`, { name: 'Ours' })).json() as { id: string };
    expectNamed(await send('POST', `/v1/orgs/${ours.orgId}/stores`, { locationId: location.id, brandId: brand.id }), 'body.locationId');
  });
});

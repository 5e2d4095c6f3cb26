// Contact details are mandatory: an incomplete set is a draft answered with exactly what is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api?.close());

async function post(url: string, payload: object) {
  const res = await api.app.inject({ method: 'POST', url, payload, headers: auth() });
  return res.json() as { id: string };
}

async function org(environment: 'production' | 'sandbox', provider = 'doordash') {
  const o = await post('/v1/orgs', { name: 'Trattoria Test', locale: 'it', timezone: 'Europe/Rome', environment });
  const user = await post(`/v1/orgs/${o.id}/users`, { email: `ops-${o.id}@example.com`, phone: '+393331234567', permissions: ['integrations:view'] });
  const loc = await post(`/v1/orgs/${o.id}/locations`, { name: 'Trastevere' });
  const brand = await post(`/v1/orgs/${o.id}/brands`, { name: 'Nonna' });
  const store = await post(`/v1/orgs/${o.id}/stores`, { locationId: loc.id, brandId: brand.id });
  await post('/v1/connections', { orgId: o.id, provider, accountRef: `acct-${o.id}`, storeIds: [store.id] });
  return { orgId: o.id, userId: user.id };
}

const complete = (userId: string) => ({
  alertContacts: [{ userId }],
  emergencyTechnical: [{ name: 'On-call pager', email: 'pager@trattoria.example', phone: '+393331112223' }],
  nonEmergencyTechnical: [{ name: 'Giulia', email: 'giulia@trattoria.example' }],
  merchantOperations: [],
  platformOperations: [{ name: 'Ops', email: 'ops@trattoria.example' }],
  userFacingOperations: { email: 'help@trattoria.example' },
  supportHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '18:00', timezone: 'Europe/Rome' }],
});

const put = (orgId: string, payload: object) => api.app.inject({ method: 'PUT', url: `/v1/orgs/${orgId}/contacts`, payload, headers: auth() });
const get = async (orgId: string) => (await api.app.inject({ method: 'GET', url: `/v1/orgs/${orgId}/contacts`, headers: auth() })).json() as { complete: boolean; missing: string[]; emergencyTechnical: unknown[] };

describe('contact details', () => {
  it('starts incomplete and says what is missing', async () => {
    const { orgId } = await org('production');
    expect(await get(orgId)).toMatchObject({
      complete: false,
      missing: ['alertContacts', 'emergencyTechnical', 'nonEmergencyTechnical', 'platformOperations', 'userFacingOperations', 'supportHours'],
    });
  });

  it('stores an incomplete set as a draft and answers 422 listing exactly what is missing', async () => {
    const { orgId, userId } = await org('production');
    const draft = { ...complete(userId), nonEmergencyTechnical: [], supportHours: [] };
    const res = await put(orgId, draft);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const body = res.json() as { missing: string[]; errors: { name: string }[] };
    expect(body.missing).toEqual(['nonEmergencyTechnical', 'supportHours']);
    expect(body.errors.map((e) => e.name)).toEqual(['body.nonEmergencyTechnical', 'body.supportHours']);
    expect((await get(orgId)).emergencyTechnical).toHaveLength(1);
  });

  it('is complete once everything is there', async () => {
    const { orgId, userId } = await org('production');
    const res = await put(orgId, complete(userId));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ complete: true, missing: [] });
  });

  it('asks for the merchant-issues contact when a provider requires it, and never alert contacts in sandbox', async () => {
    const prod = await org('production', 'uber_eats');
    expect((await put(prod.orgId, complete(prod.userId))).json()).toMatchObject({ missing: ['merchantOperations'] });
    const sandbox = await org('sandbox');
    const refused = await put(sandbox.orgId, complete(sandbox.userId));
    expect(refused.statusCode).toBe(422);
    expect((refused.json() as { errors: { name: string }[] }).errors[0]!.name).toBe('body.alertContacts');
    expect((await put(sandbox.orgId, { ...complete(sandbox.userId), alertContacts: [] })).statusCode).toBe(200);
  });

  it('validates e-mails, E.164 phones, time zones and hours', async () => {
    const { orgId, userId } = await org('production');
    const res = await put(orgId, {
      ...complete(userId),
      emergencyTechnical: [{ name: 'Pager', email: 'not-an-email', phone: '0039333' }],
      supportHours: [{ days: ['mon', 'funday'], from: '9am', to: '18:00', timezone: 'Europe/Atlantis' }],
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { errors: { name: string }[] }).errors.map((e) => e.name).sort()).toEqual([
      'body.emergencyTechnical.0.email',
      'body.emergencyTechnical.0.phone',
      'body.supportHours.0.days.1',
      'body.supportHours.0.from',
      'body.supportHours.0.timezone',
    ]);
    const backwards = await put(orgId, { ...complete(userId), supportHours: [{ days: ['mon'], from: '18:00', to: '09:00', timezone: 'Europe/Rome' }] });
    expect((backwards.json() as { errors: { name: string }[] }).errors[0]!.name).toBe('body.supportHours.0.to');
  });

  it('refuses alert contacts who are not users of the organization', async () => {
    const a = await org('production');
    const b = await org('production');
    const res = await put(a.orgId, complete(b.userId));
    expect(res.statusCode).toBe(422);
    expect((res.json() as { errors: { name: string }[] }).errors[0]!.name).toBe('body.alertContacts.0.userId');
  });
});

describe('the phone channel each contact chooses (SMS, WhatsApp or both)', () => {
  type Problem = { errors: { name: string; reason: string }[] };

  it('is saved per contact and read back; a contact that says nothing keeps SMS', async () => {
    const { orgId, userId } = await org('production');
    const details = complete(userId);
    const res = await put(orgId, { ...details, alertContacts: [{ userId, messaging: 'whatsapp' }], emergencyTechnical: [{ ...details.emergencyTechnical[0]!, messaging: 'both' }] });
    expect(res.statusCode).toBe(200);
    const saved = (await get(orgId)) as unknown as { alertContacts: object[]; emergencyTechnical: object[]; nonEmergencyTechnical: object[] };
    expect(saved.alertContacts).toEqual([{ userId, messaging: 'whatsapp' }]);
    expect(saved.emergencyTechnical[0]).toMatchObject({ phone: '+393331112223', messaging: 'both' });
    expect(saved.nonEmergencyTechnical[0]).not.toHaveProperty('messaging');
  });

  it('refuses anything but sms, whatsapp or both with problem+json naming the field', async () => {
    const { orgId, userId } = await org('production');
    const details = complete(userId);
    const res = await put(orgId, { ...details, alertContacts: [{ userId, messaging: 'telegram' }], emergencyTechnical: [{ ...details.emergencyTechnical[0]!, messaging: 1 }] });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect((res.json() as Problem).errors.map((e) => e.name).sort()).toEqual(['body.alertContacts.0.messaging', 'body.emergencyTechnical.0.messaging']);
  });

  it('needs a mobile number for WhatsApp: a person without a phone, or an alert contact whose user has none, is refused and nothing is saved', async () => {
    const { orgId, userId } = await org('production');
    const noPhone = await post(`/v1/orgs/${orgId}/users`, { email: `nophone-${orgId}@example.com`, permissions: ['integrations:view'] });
    expect((await put(orgId, complete(userId))).statusCode).toBe(200);
    const res = await put(orgId, {
      ...complete(userId),
      alertContacts: [{ userId, messaging: 'both' }, { userId: noPhone.id, messaging: 'whatsapp' }],
      nonEmergencyTechnical: [{ name: 'Giulia', email: 'giulia@trattoria.example', messaging: 'whatsapp' }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const errors = (res.json() as Problem).errors;
    expect(errors.map((e) => e.name)).toEqual(['body.alertContacts.1.messaging', 'body.nonEmergencyTechnical.0.messaging']);
    expect(errors[0]!.reason).toMatch(/WhatsApp needs a mobile number/);
    const kept = (await get(orgId)) as unknown as { alertContacts: object[] };
    expect(kept.alertContacts).toEqual([{ userId }]);
  });
});

// POST /v1/help/ask as a conversation that knows the merchant, on the real app and PostgreSQL:
// the organization's open repairs first, follow-ups with their topic, the read-only path, and
// nothing of another organization, checked over a real socket too.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelpConversation } from '../../core/db/entities/index.js';
import { auth, createTestApi, TEST_AGENT_KEY, type TestApi } from '../helpers/api.js';
import { DELIVEROO_INACTIVE, helpMerchant, UBER_CODE, type HelpMerchant } from '../helpers/help-merchant.js';

let api: TestApi;
let lola: HelpMerchant;
let other: HelpMerchant;
let base: string;

interface Answer {
  answered: boolean;
  locale: string;
  message: string;
  steps: string[];
  articles: { slug: string; url: string }[];
  repairs: { repairId: string; provider: string; accountRef: string; state: string; link: string; readOnly: boolean }[];
  conversationId: string;
  followUp: boolean;
  article?: { slug: string };
}

beforeAll(async () => {
  api = await createTestApi();
  lola = await helpMerchant(api.app, api.db.orm, { repairs: [{ ...UBER_CODE, accountRef: 'casa-lola-ue' }, { ...DELIVEROO_INACTIVE, accountRef: 'casa-lola-roo' }] });
  other = await helpMerchant(api.app, api.db.orm, { repairs: [{ ...UBER_CODE, accountRef: 'other-org-ue', location: 'Bilbao Indautxu' }] });
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(api.app.server.address() as net.AddressInfo).port}`;
});
afterAll(async () => api?.close());

async function ask(payload: object, key?: string) {
  const res = await api.app.inject({ method: 'POST', url: '/v1/help/ask', headers: auth(key), payload });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.json() as Answer & { errors?: { name: string }[] } };
}

describe('an answer that knows the merchant', () => {
  it('starts from their open repair, with its link, the steps and the articles, then follows up on another provider', async () => {
    const first = await ask({ question: 'My Uber Eats account asks for a code', orgId: lola.orgId, locale: 'en' });
    expect(first.status).toBe(200);
    expect(first.body.message).toMatch(/^Your Uber Eats account casa-lola-ue is waiting for a verification code: open the repair/);
    expect(first.body.repairs).toEqual([{ repairId: lola.repairs['casa-lola-ue'], provider: 'uber_eats', accountRef: 'casa-lola-ue', state: 'awaiting_verification_code', link: `${api.config.publicUrl}/repairs/${lola.repairs['casa-lola-ue']}`, readOnly: false }]);
    expect(first.body.steps.length).toBeGreaterThan(1);
    expect(first.body.articles[0]?.url).toMatch(/^\/help\/articles\/[a-z0-9-]+\?locale=en$/);
    expect(first.body.conversationId).toMatch(/^hcv_[0-9a-z]{16}$/);
    expect(first.body.followUp).toBe(false);

    const next = await ask({ question: 'and on Deliveroo?', orgId: lola.orgId, conversationId: first.body.conversationId });
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ followUp: true, locale: 'en', conversationId: first.body.conversationId });
    expect(next.body.message).toMatch(/^Deliveroo still shows Sevilla Centro as inactive; here are the steps\. This article should help: “Deliveroo [^”]*inactive/);
    expect(next.body.repairs.map((r) => r.accountRef)).toEqual(['casa-lola-roo']);
    expect(next.body.article?.slug).toBe('deliveroo-store-inactive');
    // The owner may confirm the fix: the step that sends them to the button stays.
    expect(next.body.steps.some((s) => s.includes('I have completed these steps'))).toBe(true);
  });

  it('keeps the topic of a Spanish question when the follow-up only names another provider', async () => {
    const first = await ask({ question: 'Uber Eats me pide un código de verificación y no me llega' });
    expect(first.body).toMatchObject({ answered: true, locale: 'es', repairs: [] });
    const next = await ask({ question: '¿y en Glovo?', conversationId: first.body.conversationId });
    expect(next.body).toMatchObject({ followUp: true, locale: 'es' });
    expect(next.body.article?.slug).toMatch(/^glovo-/);
  });

  it('gives a user who may not reconnect the read-only path: who can, and no confirmation step', async () => {
    const res = await ask({ question: 'Deliveroo says my store is inactive', orgId: lola.orgId, userId: lola.viewer, locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body.message).toContain('Only people who manage integrations can reconnect it or confirm a fix: Lola Martín.');
    expect(res.body.repairs).toEqual([expect.objectContaining({ accountRef: 'casa-lola-roo', readOnly: true })]);
    expect(res.body.steps.length).toBeGreaterThan(0);
    expect(res.body.steps.some((s) => s.includes('I have completed these steps'))).toBe(false);
  });

  it("never mentions another organization's repair, and a vague question lists the merchant's own", async () => {
    const res = await ask({ question: 'my orders stopped arriving, what is wrong?', orgId: lola.orgId, locale: 'en' });
    const ids = res.body.repairs.map((r) => r.repairId).sort();
    expect(ids).toEqual(Object.values(lola.repairs).sort());
    expect(JSON.stringify(res.body)).not.toContain('other-org-ue');
    expect(JSON.stringify(res.body)).not.toContain(other.repairs['other-org-ue']);
    const without = await ask({ question: 'My Uber Eats account asks for a code', locale: 'en' });
    expect(without.body.repairs).toEqual([]);
  });

  it("uses a named repair's provider and error (of the organization when one is given)", async () => {
    const res = await ask({ question: 'what should I do?', repairId: lola.repairs['casa-lola-roo'], locale: 'en' });
    expect(res.body.article?.slug).toBe('deliveroo-store-inactive');
    const foreign = await ask({ question: 'what should I do?', repairId: other.repairs['other-org-ue'], orgId: lola.orgId });
    expect(foreign.status).toBe(404);
    expect((await ask({ question: 'help', repairId: 'rep_missing' })).status).toBe(404);
  });
});

describe('a conversation', () => {
  it('expires a day after its last question: then its id is as good as missing', async () => {
    const first = await ask({ question: 'My Uber Eats account asks for a code', orgId: lola.orgId, locale: 'en' });
    const row = await api.db.orm.em.fork().findOneOrFail(HelpConversation, { id: first.body.conversationId });
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect(row).toMatchObject({ scope: `api:${lola.orgId}`, orgId: lola.orgId });
    await api.db.orm.em.fork().nativeUpdate(HelpConversation, { id: row.id }, { expiresAt: new Date(Date.now() - 1000) });
    const late = await ask({ question: 'and on Deliveroo?', orgId: lola.orgId, conversationId: row.id });
    expect(late.status).toBe(404);
    expect(late.type).toContain('application/problem+json');
  });
});

describe('ids belong to their organization', () => {
  it('answers 422 naming the field for a user of another organization or a user without one', async () => {
    const foreign = await ask({ question: 'help', orgId: lola.orgId, userId: other.viewer });
    expect(foreign.status).toBe(422);
    expect(foreign.type).toContain('application/problem+json');
    expect(foreign.body.errors?.map((e) => e.name)).toEqual(['body.userId']);
    const alone = await ask({ question: 'help', userId: lola.viewer });
    expect(alone.status).toBe(422);
    expect(alone.body.errors?.map((e) => e.name)).toEqual(['body.orgId']);
  });

  it('answers 404 for an unknown organization and 400 naming the field for a malformed id or an empty question', async () => {
    expect((await ask({ question: 'help', orgId: 'org_doesnotexist000' })).status).toBe(404);
    const invalid = await ask({ question: '', conversationId: 'nope', repairId: 'nope' });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain('conversationId');
    expect(JSON.stringify(invalid.body)).toContain('repairId');
  });
});

describe('over a real socket', () => {
  const send = (payload: object, headers: Record<string, string>) =>
    fetch(`${base}/v1/help/ask`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });

  it('refuses a caller without a key, and a conversation continued for another organization is missing', async () => {
    const noKey = await send({ question: 'help', orgId: lola.orgId }, {});
    expect(noKey.status).toBe(401);
    expect(noKey.headers.get('content-type')).toContain('application/problem+json');

    const started = (await (await send({ question: 'My Uber Eats account asks for a code', orgId: lola.orgId, locale: 'en' }, auth(TEST_AGENT_KEY))).json()) as Answer;
    expect(started.repairs).toHaveLength(1);
    const stolen = await send({ question: 'and on Deliveroo?', orgId: other.orgId, conversationId: started.conversationId }, auth(TEST_AGENT_KEY));
    expect(stolen.status).toBe(404);
    expect(stolen.headers.get('content-type')).toContain('application/problem+json');
    const text = await stolen.text();
    expect(text).not.toContain('casa-lola');
    const unscoped = await send({ question: 'and on Deliveroo?', conversationId: started.conversationId }, auth(TEST_AGENT_KEY));
    expect(unscoped.status).toBe(404);
    const own = await send({ question: 'and on Deliveroo?', orgId: lola.orgId, conversationId: started.conversationId }, auth(TEST_AGENT_KEY));
    expect(((await own.json()) as Answer).repairs.map((r) => r.accountRef)).toEqual(['casa-lola-roo']);
  });
});

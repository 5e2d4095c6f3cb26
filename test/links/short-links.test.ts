// Short links in SMS on the real stack (API on a listening socket, worker, Temporal, PostgreSQL, the
// twilio client into the SMS sink): the alert's SMS carries `PUBLIC_URL/r/<code>`, the code opens its
// repair exactly as the signed link does, an unknown code answers like an expired one, and a client
// that keeps guessing is stopped by the rate limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.js';
import { Notification, User } from '../../core/db/entities/index.js';
import { ruleFor } from '../../core/providers/index.js';
import { linkKeysOf, verifyLink } from '../../core/secrets/repair-links.js';
import { createShortLink, newShortCode } from '../../core/secrets/short-links.js';
import { auth } from '../helpers/api.js';
import { createAlertingMerchant } from '../helpers/alerting-merchant.js';
import { PageSession, textOf } from '../helpers/page-session.js';
import { startSinks, type Sinks } from '../helpers/sinks.js';
import { eventually, report, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let sinks: Sinks;
let stack: RepairStack;
beforeAll(async () => {
  sinks = await startSinks();
  stack = await startRepairStack({ listen: true, env: { ...sinks.env, ALERT_WINDOW_MS: '300' } });
});
afterAll(async () => {
  await stack?.close();
  await sinks?.close();
});

const inactive = ruleFor('deliveroo', 'invalid_store_config', 'store_inactive')!.code;
const SHORT_LINK = /(https?:\/\/\S+\/r\/)([0-9a-z]{12})(?=\s|$)/;
let phoneSeq = 0;
const newPhone = () => `+346001${String(Date.now() % 10_000).padStart(4, '1')}${(phoneSeq += 1)}`;

/** An organization alerted by SMS (to its user, and to its store's phone when asked) for one repair. */
async function alertedBySms(options: { storePhone?: string } = {}) {
  const phone = newPhone();
  const email = `sms-${phone.slice(1)}@example.com`;
  const m = await createAlertingMerchant(stack, { name: 'Casa Lola Group', locale: 'es', stores: 1, phone, email, ...options });
  const { repairId } = await report(stack, m.connections[0]!, inactive);
  const [sms] = await eventually(async () => sinks.sms.filter((s) => s.to === phone), (list) => list.length === 1);
  const match = SHORT_LINK.exec(sms!.body);
  expect(match, sms!.body).not.toBeNull();
  return { ...m, repairId, phone, email, sms: sms!, link: `${match![1]}${match![2]}`, code: match![2]! };
}

describe('an alert SMS', () => {
  it('goes out through the twilio client with a short link to the sink, in at most two segments; the e-mail keeps the signed link', async () => {
    const { repairId, sms, link, email, orgId } = await alertedBySms();
    expect(link.startsWith(`${stack.config.publicUrl}/r/`)).toBe(true);
    expect(sms.body).not.toMatch(/\/r\/[\w-]+\.[\w-]+/);
    expect(sms.segments).toBeLessThanOrEqual(2);
    expect(sms.body).toContain('Casa Lola Group');
    const mails = await eventually(sinks.mails, (all) => all.some((x) => x.to.some((t) => t.address === email)));
    const token = /\/r\/([\w-]+\.[\w-]+)/.exec(mails.find((x) => x.to.some((t) => t.address === email))!.text ?? '')![1]!;
    expect(verifyLink(linkKeysOf(stack.config.secretKeys), token)?.repairId).toBe(repairId);
    // The delivery log keeps the message without its code, as it does for signed links.
    const logged = await stack.db.orm.em.fork().findOneOrFail(Notification, { org: orgId, channel: 'sms' });
    expect(logged.content!.text).toContain('/r/[redacted]');
    expect(logged.content!.text).not.toContain(sms.body.slice(-12));
  });
});

describe('GET /r/<code>', () => {
  it('opens the repair for the user the SMS was sent to, as the e-mail\'s signed link does, over a real socket', async () => {
    const { repairId, link, orgId, email } = await alertedBySms();
    // The helper's user may only reconnect; seeing the repair page also takes integrations:view.
    await stack.db.orm.em.fork().nativeUpdate(User, { org: orgId }, { permissions: ['integrations:view', 'integrations:reconnect'] });
    const mails = await eventually(sinks.mails, (all) => all.some((x) => x.to.some((t) => t.address === email)));
    const signed = /https?:\/\/\S+\/r\/[\w-]+\.[\w-]+/.exec(mails.find((x) => x.to.some((t) => t.address === email))!.text ?? '')![0];
    const pages: string[] = [];
    for (const url of [link, signed]) {
      const opened = await fetch(url, { redirect: 'manual' });
      expect(opened.status).toBe(303);
      expect(opened.headers.get('location')).toBe(`/repairs/${repairId}`);
      const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
      const page = await fetch(`${stack.config.publicUrl}/repairs/${repairId}`, { headers: { cookie, accept: 'text/html' } });
      expect(page.status).toBe(200);
      pages.push(textOf(await page.text()).replace(/form-\w+/g, ''));
      // Scoped to that repair, like any alert link.
      const settings = await fetch(`${stack.config.publicUrl}/settings/integrations`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
      expect(settings.status).toBe(403);
    }
    expect(pages[0]).toContain('Deliveroo');
    expect(pages[0]).toBe(pages[1]);
  });

  it('from a store phone (no user), opens the repair read-only', async () => {
    const storePhone = newPhone();
    const { repairId } = await alertedBySms({ storePhone });
    const [sms] = await eventually(async () => sinks.sms.filter((s) => s.to === storePhone), (list) => list.length === 1);
    const code = SHORT_LINK.exec(sms!.body)![2]!;
    const session = new PageSession(stack.app);
    const opened = await session.get(`/r/${code}`);
    expect(opened.headers.location).toBe(`/repairs/${repairId}`);
    const page = await session.follow(opened);
    expect(textOf(page.body)).toContain('Sign in to repair');
  });

  it('answers an unknown code exactly as an expired one, and signs nobody in', async () => {
    const { repairId } = await alertedBySms();
    const expired = await createShortLink(stack.db.orm.em.fork(), { repairId }, new Date(Date.now() - 1000));
    const answers = [];
    for (const code of [expired, newShortCode(), expired.toUpperCase()]) {
      const session = new PageSession(stack.app);
      const res = await session.get(`/r/${code}`);
      expect(res.statusCode, code).toBe(410);
      expect((await session.get(`/repairs/${repairId}`)).statusCode).toBe(303);
      answers.push(textOf(res.body));
    }
    expect(answers[0]).toContain('This link no longer works');
    expect(new Set(answers).size).toBe(1);
  });

  it('once its repair has closed, says the repair is finished (410) as the signed link does', async () => {
    const { repairId, code, connections } = await alertedBySms();
    const healthy = await stack.app.inject({ method: 'POST', url: `/v1/connections/${connections[0]}/healthy`, headers: auth() });
    expect(healthy.statusCode).toBe(202);
    const res = await eventually(() => new PageSession(stack.app).get(`/r/${code}`), (r) => r.statusCode === 410);
    expect(textOf(res.body)).toContain('This repair is finished');
    expect((await new PageSession(stack.app).get(`/repairs/${repairId}`)).statusCode).toBe(303);
  });

  it('stops a client after 60 tries a minute: guessing costs the guesser, and then even a good code waits', async () => {
    const { code } = await alertedBySms();
    const limited = await buildApp({ config: stack.config, orm: stack.db.orm, temporal: stack.temporal }, { logger: false });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 60; i += 1) statuses.push((await limited.inject({ method: 'GET', url: `/r/${newShortCode()}` })).statusCode);
      expect(statuses.every((s) => s === 410)).toBe(true);
      const blocked = await limited.inject({ method: 'GET', url: `/r/${code}` });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBeDefined();
      // Another address is not affected.
      const elsewhere = await limited.inject({ method: 'GET', url: `/r/${code}`, remoteAddress: '10.1.2.3' });
      expect(elsewhere.statusCode).toBe(303);
    } finally {
      await limited.close();
    }
  });
});

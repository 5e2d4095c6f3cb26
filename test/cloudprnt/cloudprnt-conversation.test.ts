// The Star CloudPRNT conversation against the running API over a real socket: a repair's ticket is
// queued for the store's cloud printer, offered at its poll, fetched as ESC/POS, StarPRNT and plain
// text, confirmed (or reported failed), and the delivery log follows. Strangers get nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketText, decodeEscPos } from '../../dev/sinks/escpos-decoder.js';
import { Notification, PrintJob, Printer } from '../../core/db/entities/index.js';
import { ruleFor } from '../../core/providers/index.js';
import { createAlertingMerchant } from '../helpers/alerting-merchant.js';
import { printerClient, registerPrinter, storesOf, type RegisteredPrinter } from '../helpers/cloudprnt-printer.js';
import { startSinks, type Sinks } from '../helpers/sinks.js';
import { eventually, report, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';
import { auth } from '../helpers/api.js';

let sinks: Sinks;
let stack: RepairStack;
let base: string;
beforeAll(async () => {
  sinks = await startSinks();
  stack = await startRepairStack({ listen: true, env: { ...sinks.env, ALERT_WINDOW_MS: '500' } });
  base = stack.config.publicUrl;
});
afterAll(async () => {
  await stack?.close();
  await sinks?.close();
});

const inactive = ruleFor('deliveroo', 'invalid_store_config', 'store_inactive')!.code;

/** A merchant whose one store has a cloud printer, and a broken connection reported. */
async function merchantWithPrinter(name: string, email: string) {
  const m = await createAlertingMerchant(stack, { name, locale: 'es', stores: 1, phone: '+34600111222', email });
  const [storeId] = await storesOf(stack.app, m.orgId);
  const printer = await registerPrinter(stack.app, m.orgId, storeId!);
  return { m, storeId: storeId!, printer, client: printerClient(base, printer) };
}

type PollAnswer = { jobReady: boolean; mediaTypes?: string[]; jobToken?: string };
const pollUntilReady = (client: ReturnType<typeof printerClient>) => eventually(async () => (await client.poll()).json() as Promise<PollAnswer>, (a) => a.jobReady, 30_000);

describe('CloudPRNT', () => {
  it('poll, fetch in each media type, confirm: printed, delivered in the log, and nothing more to print', async () => {
    const { m, printer, client } = await merchantWithPrinter('Taberna Ñandú', 'nandu@example.com');
    expect(printer.cloudprntUrl).toBe(`${base}/cloudprnt`);
    const first = await client.poll();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ jobReady: false });

    const opened = await report(stack, m.connections[0]!, inactive);
    const ready = await pollUntilReady(client);
    expect(ready.mediaTypes).toEqual(['application/vnd.star.starprnt', 'application/vnd.escpos', 'text/plain']);
    const token = ready.jobToken!;

    const escpos = await client.fetchJob(token, 'application/vnd.escpos');
    expect(escpos.status).toBe(200);
    expect(escpos.headers.get('content-type')).toBe('application/vnd.escpos');
    const bytes = Buffer.from(await escpos.arrayBuffer());
    expect(ticketText(bytes)).toContain('Local 01');
    expect(ticketText(bytes)).toContain('Taberna Ñandú');
    expect(decodeEscPos(bytes).codepages).toEqual(['windows1252']);
    expect(decodeEscPos(bytes).qrCodes[0]).toMatch(/\/r\//);

    const text = await client.fetchJob(token, 'text/plain');
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const plain = await text.text();
    expect(plain).toContain('Local 01');
    expect(plain).toContain('/r/');

    const star = await client.fetchJob(token, 'application/vnd.star.starprnt');
    expect(star.status).toBe(200);
    expect(Buffer.from(await star.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0x1b, 0x40]));

    // Fetching changes nothing: the job is still offered until the printer confirms it.
    expect(((await (await client.poll()).json()) as PollAnswer).jobToken).toBe(token);
    const done = await client.confirm(token, '200 OK');
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ state: 'printed' });
    expect(await (await client.poll()).json()).toEqual({ jobReady: false });
    expect((await client.confirm(token, '200 OK')).status).toBe(404);

    const em = stack.db.orm.em.fork();
    const logged = await em.findOneOrFail(Notification, { providerId: `cloudprnt:${token}` });
    expect([logged.status, logged.channel, logged.recipient, logged.repairIds]).toEqual(['delivered', 'ticket', `cloudprnt:${printer.id}`, [opened.repairId]]);
    // At rest the ticket is sealed: neither the store nor the link can be read from the table.
    const job = await em.findOneOrFail(PrintJob, { id: token });
    expect(job.state).toBe('printed');
    expect(job.sealedTicket).not.toContain('Local');
    expect(job.sealedTicket).not.toContain('/r/');
    const row = await em.findOneOrFail(Printer, { id: printer.id });
    expect(row.pollCount).toBeGreaterThanOrEqual(4);
    expect(row.lastStatus).toBe('200 OK');
    expect(JSON.stringify(row)).not.toContain(printer.password);
  });

  it('an error code from the printer records the ticket failed and does not offer it again', async () => {
    const { m, client } = await merchantWithPrinter('Bar Ökonom', 'okonom@example.com');
    await report(stack, m.connections[0]!, inactive);
    const token = (await pollUntilReady(client)).jobToken!;
    expect((await client.fetchJob(token, 'application/vnd.escpos')).status).toBe(200);
    const res = await client.confirm(token, '520 Job failed');
    expect(await res.json()).toEqual({ state: 'failed' });
    expect(await (await client.poll()).json()).toEqual({ jobReady: false });
    const logged = await stack.db.orm.em.fork().findOneOrFail(Notification, { providerId: `cloudprnt:${token}` });
    expect([logged.status, logged.error]).toEqual(['failed', 'the printer reported "520 Job failed"']);
  });

  it('a ticket not printed in time expires: no longer offered, and the log says why', async () => {
    const { m, client } = await merchantWithPrinter('Bodega Tardía', 'tardia@example.com');
    await report(stack, m.connections[0]!, inactive);
    const token = (await pollUntilReady(client)).jobToken!;
    // The printer was off for longer than PRINT_JOB_TTL_MS: its job's time is up.
    await stack.db.orm.em.fork().nativeUpdate(PrintJob, { id: token }, { expiresAt: new Date(Date.now() - 1000) });
    expect(await (await client.poll()).json()).toEqual({ jobReady: false });
    expect((await client.fetchJob(token, 'text/plain')).status).toBe(404);
    const em = stack.db.orm.em.fork();
    expect((await em.findOneOrFail(PrintJob, { id: token })).state).toBe('expired');
    const logged = await em.findOneOrFail(Notification, { providerId: `cloudprnt:${token}` });
    expect([logged.status, logged.error]).toEqual(['failed', 'the printer did not print it in time']);
  });

  it('an unknown printer, a wrong password and another store\'s MAC all get the same 401, and no job', async () => {
    const a = await merchantWithPrinter('Casa A', 'a@example.com');
    const b = await merchantWithPrinter('Casa B', 'b@example.com');
    await report(stack, a.m.connections[0]!, inactive);
    const token = (await pollUntilReady(a.client)).jobToken!;
    const aCreds = { username: a.printer.username, password: a.printer.password };
    const answers = [
      await a.client.poll({}, null),
      await a.client.poll({}, { username: a.printer.username, password: 'not-the-password' }),
      await a.client.poll({}, { username: 'prn_unknown0000000000', password: a.printer.password }),
      await a.client.poll({}, { username: b.printer.username, password: b.printer.password }),
      await printerClient(base, { mac: b.printer.mac, ...aCreds }).poll(),
      await printerClient(base, { mac: '00:11:62:ff:ff:ff', ...aCreds }).poll(),
      await a.client.fetchJob(token, 'text/plain', { username: b.printer.username, password: b.printer.password }),
      await a.client.fetchJob(token, 'text/plain', aCreds, b.printer.mac),
      await a.client.confirm(token, 'OK', { username: b.printer.username, password: b.printer.password }),
    ];
    const bodies = await Promise.all(answers.map(async (r) => ({ status: r.status, challenge: r.headers.get('www-authenticate'), type: r.headers.get('content-type'), body: await r.text() })));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(bodies[0]!.status).toBe(401);
    expect(bodies[0]!.challenge).toMatch(/^Basic realm="cloudprnt"/);
    expect(bodies[0]!.type).toMatch(/^application\/problem\+json/);
    // B's own credentials reach B's queue only: A's token is no job of B's.
    expect((await b.client.fetchJob(token, 'text/plain')).status).toBe(404);
    expect(((await (await a.client.poll()).json()) as PollAnswer).jobToken).toBe(token);
  });

  it('answers malformed requests with a problem naming the field, never a 5xx', async () => {
    const { printer, client } = await merchantWithPrinter('Casa Validada', 'validada@example.com');
    const cases = [
      { res: await client.poll({ printerMAC: 'not-a-mac' }), field: 'printerMAC' },
      { res: await client.poll({ printingInProgress: 'yes' }), field: 'printingInProgress' },
      { res: await client.fetchJob('pjb_x0', 'image/png'), field: 'type' },
      { res: await client.fetchJob('job-1', 'text/plain'), field: 'token' },
      { res: await client.fetchJob('pjb_x0', 'text/plain', printer, '00:11:62'), field: 'mac' },
      { res: await client.confirm('pjb_x0', 'fine'), field: 'code' },
      { res: await fetch(`${base}/cloudprnt`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"printerMAC":' }), field: null },
    ];
    for (const { res, field } of cases) {
      expect(res.status, field ?? 'broken JSON').toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await res.json()) as { errors?: { name: string }[] };
      if (field) expect(problem.errors?.map((e) => e.name).join(' ')).toContain(field);
    }
  });

  it('registers a printer once per MAC, only to a store of the organization, and shows its password only once', async () => {
    const a = await merchantWithPrinter('Registro A', 'registro-a@example.com');
    const b = await merchantWithPrinter('Registro B', 'registro-b@example.com');
    const register = (orgId: string, payload: object) => stack.app.inject({ method: 'POST', url: `/v1/orgs/${orgId}/printers`, headers: auth(), payload });
    const twice = await register(a.m.orgId, { storeId: a.storeId, mac: a.printer.mac.toUpperCase() });
    expect(twice.statusCode).toBe(409);
    const foreign = await register(a.m.orgId, { storeId: b.storeId, mac: '00:11:62:00:00:01' });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ name: 'body.storeId' })]);
    const list = await stack.app.inject({ method: 'GET', url: `/v1/orgs/${a.m.orgId}/printers`, headers: auth() });
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([a.printer.id]);
    expect(list.body).not.toContain(a.printer.password);
    expect(list.json().items[0]).not.toHaveProperty('password');
    const row = await stack.db.orm.em.fork().findOneOrFail(Printer, { id: a.printer.id });
    expect(row.passwordHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.passwordHash).not.toContain(a.printer.password);
  });

  it('the OpenAPI document says the three routes take the printer\'s Basic credentials, not an API key', async () => {
    const doc = (await stack.app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>; components: { securitySchemes: Record<string, { scheme: string }> } };
    expect(doc.components.securitySchemes.printerBasic?.scheme).toBe('basic');
    for (const method of ['post', 'get', 'delete']) {
      const operation = doc.paths['/cloudprnt']?.[method];
      expect(operation?.security, method).toEqual([{ printerBasic: [] }]);
      expect(Object.keys(operation?.responses ?? {}), method).toEqual(expect.arrayContaining(['400', '401']));
    }
  });
});

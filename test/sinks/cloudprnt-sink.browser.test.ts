// The printer sink as a Star CloudPRNT printer: registered through the API, told to poll the API
// listening on a socket, it fetches an "action needed" ticket, prints it into its page (read in
// Chromium) and confirms it, and the delivery log records the ticket delivered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildPrinterSink, type PrinterSink } from '../../dev/sinks/printer-sink.js';
import type { CloudPrntStatus } from '../../dev/sinks/cloudprnt-client.js';
import { Notification } from '../../core/db/entities/index.js';
import { ruleFor } from '../../core/providers/index.js';
import { createAlertingMerchant } from '../helpers/alerting-merchant.js';
import { launchChromium, screenshot } from '../helpers/browser.js';
import { registerPrinter, storesOf } from '../helpers/cloudprnt-printer.js';
import { startSinks, type Sinks } from '../helpers/sinks.js';
import { auth } from '../helpers/api.js';
import { connectDemoPrinter, DEMO_PRINTER_MAC } from '../../dev/demo-printer.js';
import { basic } from '../helpers/cloudprnt-printer.js';
import { eventually, report, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';

let sinks: Sinks;
let stack: RepairStack;
let printerSink: PrinterSink;
let sinkUrl: string;
let browser: Browser;
beforeAll(async () => {
  sinks = await startSinks();
  stack = await startRepairStack({ listen: true, env: { ...sinks.env, ALERT_WINDOW_MS: '500' } });
  printerSink = buildPrinterSink();
  sinkUrl = await printerSink.web.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await printerSink?.web.close();
  await stack?.close();
  await sinks?.close();
});

describe('the printer sink as a CloudPRNT printer', () => {
  it('polls, prints the ticket into its page and confirms it', async () => {
    const m = await createAlertingMerchant(stack, { name: 'Rôtisserie Cœur & Çà', locale: 'fr', stores: 1, phone: '+33611223344', email: 'cigdem@example.com' });
    const [storeId] = await storesOf(stack.app, m.orgId);
    const printer = await registerPrinter(stack.app, m.orgId, storeId!);
    const started = await fetch(`${sinkUrl}/api/cloudprnt`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: printer.cloudprntUrl, mac: printer.mac, username: printer.username, password: printer.password, intervalMs: 200 }) });
    expect(started.status).toBe(200);
    const status = () => fetch(`${sinkUrl}/api/cloudprnt`).then((r) => r.json() as Promise<CloudPrntStatus>);
    expect((await eventually(status, (s) => s.polls > 0)).lastResult).toBe('jobReady false');

    await report(stack, m.connections[0]!, ruleFor('deliveroo', 'invalid_store_config', 'store_inactive')!.code);
    const done = await eventually(status, (s) => s.printed === 1, 30_000);
    expect(done.lastResult).toMatch(/^job pjb_\w+ printed \(confirmation answered 200\)$|^jobReady false$/);

    const page = await browser.newPage();
    await page.goto(sinkUrl);
    const paper = page.getByRole('region', { name: 'Ticket 1' });
    await expect.poll(() => paper.textContent()).toContain('Local 01');
    expect(await paper.textContent()).toContain('Rôtisserie Cœur & Çà');
    expect(await page.getByRole('region', { name: 'CloudPRNT' }).textContent()).toContain(printer.mac);
    await screenshot(page, 'printer-sink-cloudprnt');
    await page.close();

    const logged = await eventually(() => stack.db.orm.em.fork().find(Notification, { org: m.orgId, channel: 'ticket' }), (rows) => rows[0]?.status === 'delivered');
    expect(logged.map((n) => n.recipient)).toEqual([`cloudprnt:${printer.id}`]);
  });

  it('shows what went wrong when the credentials are refused', async () => {
    const refused = buildPrinterSink();
    const client = refused.pollCloudPrnt({ url: `${stack.config.publicUrl}/cloudprnt`, mac: '00:11:62:de:ad:00', username: 'prn_nobody', password: 'wrong', intervalMs: 200 });
    try {
      await eventually(async () => client.status.polls, (n) => n > 0);
      expect(client.status.lastResult).toBe('poll answered 401');
    } finally {
      client.stop();
    }
  });

  it('the demo printer: registered on the first start, given a new password on the next, and the old one stops working', async () => {
    const m = await createAlertingMerchant(stack, { name: 'Demo Printer Org', stores: 2, phone: '+34600123456', email: 'demo-printer@example.com' });
    const passwords: string[] = [];
    const call = async <T,>(method: string, path: string, body?: unknown): Promise<T> => {
      const res = await stack.app.inject({ method: method as 'GET', url: path, headers: auth(), ...(body ? { payload: body as object } : {}) });
      if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${res.body}`);
      const answer = res.json() as T & { password?: string };
      if (answer.password) passwords.push(answer.password);
      return answer;
    };
    const demoSink = buildPrinterSink();
    const url = await demoSink.web.listen({ port: 0, host: '127.0.0.1' });
    try {
      await connectDemoPrinter(call, m.orgId, url);
      const first = demoSink.cloudprnt!;
      await eventually(async () => first.status.lastResult, (r) => r === 'jobReady false');
      const [, secondStore] = await storesOf(stack.app, m.orgId);
      const listed = (await call<{ items: { id: string; storeId: string; mac: string }[] }>('GET', `/v1/orgs/${m.orgId}/printers`)).items;
      expect(listed.map((p) => [p.storeId, p.mac])).toEqual([[secondStore, DEMO_PRINTER_MAC]]);
      const oldAuth = (await fetch(`${url}/api/cloudprnt`).then((r) => r.json())) as { polls: number };
      expect(oldAuth.polls).toBeGreaterThan(0);

      await connectDemoPrinter(call, m.orgId, url);
      const second = demoSink.cloudprnt!;
      expect(second).not.toBe(first);
      await eventually(async () => second.status.lastResult, (r) => r === 'jobReady false');
      expect((await call<{ items: unknown[] }>('GET', `/v1/orgs/${m.orgId}/printers`)).items).toHaveLength(1);
      // The first password no longer opens the printer's queue; the second does.
      expect(passwords).toHaveLength(2);
      const pollAs = (password: string) => stack.app.inject({ method: 'POST', url: '/cloudprnt', headers: { authorization: basic(listed[0]!.id, password) }, payload: { printerMAC: DEMO_PRINTER_MAC } });
      expect((await pollAs(passwords[0]!)).statusCode).toBe(401);
      expect((await pollAs(passwords[1]!)).statusCode).toBe(200);
    } finally {
      await demoSink.web.close();
    }
  });
});

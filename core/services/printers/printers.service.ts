// Cloud printers: a backend registers one to a store with its MAC address and gets its password
// once; the printer's watch (offline/back alerts) starts with it.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Printer, Store, type PrinterRow } from '../../db/entities/index.js';
import { newId } from '../../db/ids.js';
import { conflict, unprocessable } from '../problem.js';
import type { ServiceContext } from '../service-context.js';
import { getOrg } from '../registry/orgs.service.js';
import { findInOrg, type Page } from '../registry/lookup.js';
import { normalizedMac } from './mac-address.js';
import { newPrinterPassword, passwordHash } from './printer-credentials.js';
import { startPrinterWatch } from './printer-watch-start.js';

export interface PrinterInput {
  storeId: string;
  mac: string;
  codepage?: PrinterRow['codepage'];
}

/** The new printer and its password: the only time the password exists outside the printer. */
export async function registerPrinter(em: EntityManager, ctx: Pick<ServiceContext, 'temporal' | 'taskQueue' | 'cloudPrinting'>, orgId: string, input: PrinterInput): Promise<{ printer: PrinterRow; password: string }> {
  await getOrg(em, orgId);
  const store = await em.findOne(Store, { id: input.storeId });
  if (!store || store.org !== orgId) {
    throw unprocessable('The printer must belong to a store of this organization.', [{ name: 'body.storeId', in: 'body', reason: store ? 'the store belongs to another organization' : 'no store with this id' }]);
  }
  const mac = normalizedMac(input.mac);
  if (await em.count(Printer, { mac })) throw conflict('A printer with this MAC address is already registered.');
  const password = newPrinterPassword();
  const printer = em.create(Printer, { id: newId('prn'), org: orgId, store: store.id, mac, passwordHash: passwordHash(password), codepage: input.codepage ?? 'windows1252', pollCount: 0, lastPollAt: null, lastStatus: null });
  await em.flush();
  await startPrinterWatch(ctx, printer.id);
  return { printer, password };
}

export async function listPrinters(em: EntityManager, orgId: string, page: Page): Promise<PrinterRow[]> {
  await getOrg(em, orgId);
  return em.find(Printer, { org: orgId }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: page.limit, offset: page.offset });
}

/** A new password for a printer whose password was lost (or leaked): the old one stops working at once.
 * Its watch is (re)started too: a registration whose watch could not start (Temporal away) heals here. */
export async function rotatePrinterPassword(em: EntityManager, ctx: Pick<ServiceContext, 'temporal' | 'taskQueue' | 'cloudPrinting'>, orgId: string, printerId: string): Promise<{ printer: PrinterRow; password: string }> {
  await getOrg(em, orgId);
  const printer = await findInOrg(em, Printer, orgId, printerId, 'printer');
  const password = newPrinterPassword();
  printer.passwordHash = passwordHash(password);
  await em.flush();
  await startPrinterWatch(ctx, printer.id);
  return { printer, password };
}

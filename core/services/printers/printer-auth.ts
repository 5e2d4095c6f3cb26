// Who is polling: the Basic credentials must name a registered printer, its password must match,
// and the MAC the request speaks for must be that printer's own. Every miss is the same null: the
// caller cannot tell an unknown printer from a wrong password or another store's MAC.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Printer, type PrinterRow } from '../../db/entities/index.js';
import { normalizedMac } from './mac-address.js';
import { basicCredentials, passwordMatches } from './printer-credentials.js';

export async function authenticatePrinter(em: EntityManager, authorization: string | undefined, mac: string): Promise<PrinterRow | null> {
  const credentials = basicCredentials(authorization);
  if (!credentials) return null;
  const printer = /^prn_[0-9a-z]{1,64}$/.test(credentials.username) ? await em.findOne(Printer, { id: credentials.username }) : null;
  // The hash is compared even for an unknown printer, so both take the same time.
  const matches = passwordMatches(credentials.password, printer?.passwordHash);
  return printer && matches && printer.mac === normalizedMac(mac) ? printer : null;
}

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Org } from './org.entity.js';
import { Store } from './store.entity.js';

/**
 * A cloud printer (Star CloudPRNT) registered to one store: it polls `/cloudprnt` from behind the
 * restaurant's router with HTTP Basic credentials (username = this id). Only a hash of its password is kept.
 */
export const Printer = defineEntity({
  name: 'Printer',
  tableName: 'printers',
  properties: {
    id: p.string().primary(),
    org: () => p.manyToOne(Org).mapToPk().index(),
    store: () => p.manyToOne(Store).mapToPk().index(),
    /** Lowercase, colon-separated (`00:11:62:aa:bb:cc`): what the printer sends as `printerMAC` and `mac`. */
    mac: p.string().length(17).unique(),
    /** SHA-256 (hex) of the random password handed out once at registration. */
    passwordHash: p.string().length(64),
    /** The code page its tickets are encoded in; cp858 for printers without Windows-1252. */
    codepage: p.enum(['windows1252', 'cp858'] as const).default('windows1252'),
    /** Counts polls: the watch compares counts, so its clock never meets the database's. */
    pollCount: p.integer().default(0),
    lastPollAt: p.datetime().nullable(),
    /** The printer's own status code at its last poll (`200 OK`, `410 Out of paper`, …). */
    lastStatus: p.string().length(80).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type PrinterRow = InferEntity<typeof Printer>;

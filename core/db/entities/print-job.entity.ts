import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Printer } from './printer.entity.js';

/**
 * One printed ticket waiting for (or fetched by) a cloud printer. The id is the CloudPRNT job token.
 * The ticket's text and link are sealed (the link opens the repair): the table reads as nothing.
 */
export const PrintJob = defineEntity({
  name: 'PrintJob',
  tableName: 'print_jobs',
  indexes: [{ properties: ['printer', 'state', 'createdAt'] }],
  properties: {
    id: p.string().primary(),
    printer: () => p.manyToOne(Printer).mapToPk(),
    /** The delivery-log key of the ticket: one job per printed ticket, however often the activity runs. */
    ticketKey: p.string().unique(),
    /** SecretBox-sealed JSON `{ text, link? }`, the AAD naming this job. */
    sealedTicket: p.text(),
    state: p.enum(['pending', 'printed', 'failed', 'expired'] as const),
    /** The code the printer confirmed with (`200 OK`, `OK`, `520 …`). */
    statusCode: p.string().length(80).nullable(),
    fetchedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
    expiresAt: p.datetime(),
    createdAt: p.datetime(),
  },
});
export type PrintJobRow = InferEntity<typeof PrintJob>;

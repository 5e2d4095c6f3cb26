// The queue cloud printers fetch their tickets from: one job per printed ticket (keyed by the
// ticket's delivery-log key), sealed at rest, offered until it is confirmed, fails or expires. The
// delivery log follows: `sent` when queued, `delivered` when the printer confirms, `failed` otherwise.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Notification, PrintJob, Printer, type PrinterRow, type PrintJobRow } from '../../db/entities/index.js';
import { newId } from '../../db/ids.js';
import type { SecretBox } from '../../secrets/secret-box.js';

export interface PrintedTicket {
  text: string;
  link?: string;
}

/** The delivery log names a cloud ticket by its job: `cloudprnt:<jobId>`. */
export const jobProviderId = (jobId: string) => `cloudprnt:${jobId}`;

/** Queues the ticket once per key (a retried activity finds its job) and answers the job's id. */
export async function enqueuePrintJob(em: EntityManager, box: SecretBox, input: { printerId: string; ticketKey: string; ticket: PrintedTicket; ttlMs: number }): Promise<string> {
  const existing = await em.findOne(PrintJob, { ticketKey: input.ticketKey });
  if (existing) return existing.id;
  const id = newId('pjb');
  const now = new Date();
  await em.insert(PrintJob, { id, printer: input.printerId, ticketKey: input.ticketKey, sealedTicket: box.seal(JSON.stringify(input.ticket), id), state: 'pending', statusCode: null, fetchedAt: null, finishedAt: null, expiresAt: new Date(now.getTime() + input.ttlMs), createdAt: now });
  return id;
}

/** One poll: counted (the watch compares counts) with the printer's own status code. */
export async function recordPoll(em: EntityManager, printer: PrinterRow, statusCode: string | undefined): Promise<void> {
  await em.getConnection().execute('update "printers" set "poll_count" = "poll_count" + 1, "last_poll_at" = now(), "last_status" = coalesce(?, "last_status") where "id" = ?', [statusCode?.slice(0, 80) ?? null, printer.id]);
}

/** Jobs past their time are recorded failed, in the queue and in the delivery log. */
async function expireJobs(em: EntityManager, printerId: string, now: Date): Promise<void> {
  const expired = await em.find(PrintJob, { printer: printerId, state: 'pending', expiresAt: { $lte: now } });
  if (expired.length === 0) return;
  await em.nativeUpdate(PrintJob, { id: { $in: expired.map((j) => j.id) } }, { state: 'expired', finishedAt: now });
  await em.nativeUpdate(Notification, { providerId: { $in: expired.map((j) => jobProviderId(j.id)) }, status: 'sent' }, { status: 'failed', error: 'the printer did not print it in time', updatedAt: now });
}

/** The oldest job the printer has to print, or null. */
export async function nextJob(em: EntityManager, printerId: string, now = new Date()): Promise<PrintJobRow | null> {
  await expireJobs(em, printerId, now);
  return em.findOne(PrintJob, { printer: printerId, state: 'pending' }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

/** The printer's own pending job with this token (a token of another printer is no job of its own). */
export async function pendingJob(em: EntityManager, printerId: string, token: string): Promise<PrintJobRow | null> {
  return em.findOne(PrintJob, { id: token, printer: printerId, state: 'pending', expiresAt: { $gt: new Date() } });
}

export const openTicket = (box: SecretBox, job: PrintJobRow): PrintedTicket => JSON.parse(box.open(job.sealedTicket, job.id)) as PrintedTicket;

export async function markFetched(em: EntityManager, job: PrintJobRow): Promise<void> {
  if (!job.fetchedAt) await em.nativeUpdate(PrintJob, { id: job.id, fetchedAt: null }, { fetchedAt: new Date() });
}

/** `OK` or a 2xx code: printed; anything else is the printer's error, recorded as it said it. */
export const printedOk = (code: string) => code === 'OK' || /^2\d\d\b/.test(code);

/** The printer's confirmation: the job leaves the queue and the delivery log says how it went. */
export async function finishJob(em: EntityManager, job: PrintJobRow, code: string): Promise<'printed' | 'failed'> {
  const state = printedOk(code) ? 'printed' : 'failed';
  const now = new Date();
  await em.nativeUpdate(PrintJob, { id: job.id, state: 'pending' }, { state, statusCode: code, finishedAt: now });
  await em.nativeUpdate(Notification, { providerId: jobProviderId(job.id) }, state === 'printed' ? { status: 'delivered', updatedAt: now } : { status: 'failed', error: `the printer reported "${code}"`, updatedAt: now });
  return state;
}

export const printersOfStores = (em: EntityManager, storeIds: string[]) => em.find(Printer, { store: { $in: storeIds } }, { orderBy: { createdAt: 'asc' } });

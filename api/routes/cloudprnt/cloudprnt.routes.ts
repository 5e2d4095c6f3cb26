// Star CloudPRNT at /cloudprnt: restaurant printers sit behind the restaurant's router, so they
// poll us (POST), fetch the ticket we offer (GET) and confirm it (DELETE). They carry no API key:
// each request is authenticated by the printer's own Basic credentials and its MAC (printer-auth).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Static } from '@fastify/type-provider-typebox';
import { encodeTicket } from '../../../activities/channels/ticket-encoder.js';
import type { PrinterRow } from '../../../core/db/entities/index.js';
import { ProblemError, notFound } from '../../../core/services/problem.js';
import { authenticatePrinter } from '../../../core/services/printers/printer-auth.js';
import { finishJob, markFetched, nextJob, openTicket, pendingJob, recordPoll, type PrintedTicket } from '../../../core/services/printers/print-jobs.js';
import { problemResponses } from '../../schemas/common.schemas.js';
import { publicRoute } from '../../plugins/route-access.js';
import { ConfirmAnswer, ConfirmQuery, FetchQuery, MEDIA_TYPES, PollAnswer, PollBody, type MediaType } from './cloudprnt.schemas.js';

const ACCESS = publicRoute('printer-credentials');
const tags = ['cloudprnt'];
const responses = problemResponses(400, 401);

/** One answer for every miss (no such printer, wrong password, another printer's MAC): nothing to tell them apart. */
const notThisPrinter = () =>
  new ProblemError({ status: 401, kind: 'unauthorized', title: 'Authentication required', detail: 'Send the printer\'s CloudPRNT user name and password (HTTP Basic).', headers: { 'www-authenticate': 'Basic realm="cloudprnt", charset="UTF-8"' } });

async function printerOf(request: FastifyRequest, mac: string): Promise<PrinterRow> {
  const printer = await authenticatePrinter(request.em, request.headers.authorization, mac);
  if (!printer) throw notThisPrinter();
  return printer;
}

/** The poll's status code arrives URL-encoded (`200%20OK`); a broken escape is kept as sent. */
function statusText(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  try {
    return decodeURIComponent(code);
  } catch {
    return code;
  }
}

function ticketBytes(ticket: PrintedTicket, type: MediaType, printer: PrinterRow): Buffer {
  if (type === 'text/plain') return Buffer.from(`${ticket.text}${ticket.link ? `\n\n${ticket.link}` : ''}\n`, 'utf8');
  return Buffer.from(encodeTicket(ticket.text, ticket.link, { codepage: printer.codepage, language: type === 'application/vnd.star.starprnt' ? 'star-prnt' : 'esc-pos' }));
}

export const cloudprntRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: Static<typeof PollBody> }>(
    '/cloudprnt',
    { config: ACCESS, schema: { tags, summary: 'CloudPRNT poll: the printer reports its status and hears whether a ticket waits', body: PollBody, response: { 200: PollAnswer, ...responses } } },
    async (request) => {
      const printer = await printerOf(request, request.body.printerMAC);
      await recordPoll(request.em, printer, statusText(request.body.statusCode));
      // A printer busy printing fetches nothing; the next poll offers the job again.
      const job = request.body.printingInProgress ? null : await nextJob(request.em, printer.id);
      if (!job) return { jobReady: false };
      request.log.info({ printerId: printer.id, jobId: job.id }, 'cloudprnt job offered');
      return { jobReady: true, mediaTypes: [...MEDIA_TYPES], jobToken: job.id, deleteMethod: 'DELETE' as const };
    },
  );

  app.get<{ Querystring: Static<typeof FetchQuery> }>(
    '/cloudprnt',
    { config: ACCESS, schema: { tags, summary: 'CloudPRNT job fetch: the ticket in the media type the printer chose', querystring: FetchQuery, produces: [...MEDIA_TYPES], response: { ...responses, ...problemResponses(404) } } },
    async (request, reply) => {
      const printer = await printerOf(request, request.query.mac);
      const job = await pendingJob(request.em, printer.id, request.query.token);
      if (!job) throw notFound('print job', request.query.token);
      await markFetched(request.em, job);
      const type = request.query.type;
      return reply.type(type === 'text/plain' ? 'text/plain; charset=utf-8' : type).send(ticketBytes(openTicket(app.services.secretBox, job), type, printer));
    },
  );

  app.delete<{ Querystring: Static<typeof ConfirmQuery> }>(
    '/cloudprnt',
    { config: ACCESS, schema: { tags, summary: 'CloudPRNT confirmation: printed (OK, 2xx) or the printer\'s error code', querystring: ConfirmQuery, response: { 200: ConfirmAnswer, ...responses, ...problemResponses(404) } } },
    async (request) => {
      const printer = await printerOf(request, request.query.mac);
      const job = await pendingJob(request.em, printer.id, request.query.token);
      if (!job) throw notFound('print job', request.query.token);
      const state = await finishJob(request.em, job, request.query.code);
      request.log[state === 'printed' ? 'info' : 'warn']({ printerId: printer.id, jobId: job.id, code: request.query.code }, `cloudprnt job ${state}`);
      return { state };
    },
  );
};

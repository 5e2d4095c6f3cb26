// A local stand-in for stores' POS printers: a raw TCP server (port 9100, like a real printer)
// that keeps each connection's bytes as one ticket, and a page showing what the paper would say.
// Told to (POST /api/cloudprnt), it is also a Star CloudPRNT printer polling the API.
import { createServer, type Server } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { decodeEscPos, ticketText } from './escpos-decoder.js';
import { escapeHtml, sinkPage } from './sink-page.js';
import { startCloudPrntClient, type CloudPrntClient, type CloudPrntSettings } from './cloudprnt-client.js';

export { decodeEscPos, ticketText } from './escpos-decoder.js';

export interface RecordedTicket {
  id: number;
  bytes: Buffer;
  receivedAt: string;
  /** Who sent it (host:port of the client). */
  from: string;
}

export interface PrinterSink {
  tcp: Server;
  web: FastifyInstance;
  /** Newest first. */
  tickets: RecordedTicket[];
  /** Set once the sink polls as a CloudPRNT printer. */
  cloudprnt: CloudPrntClient | null;
  /** Starts polling (stopping an earlier client): what `POST /api/cloudprnt` does. */
  pollCloudPrnt(settings: CloudPrntSettings): CloudPrntClient;
}

function cloudPrntCard(client: CloudPrntClient | null): string {
  if (!client) return '<p><small>CloudPRNT: not polling (POST /api/cloudprnt to start).</small></p>';
  const s = client.status;
  return `<section aria-label="CloudPRNT"><p>CloudPRNT printer <code>${escapeHtml(s.mac)}</code> polling <code>${escapeHtml(s.url)}</code>: ${s.polls} polls, last at ${escapeHtml(s.lastPollAt ?? 'never')}, <span class="cloudprnt-result">${escapeHtml(s.lastResult)}</span>; ${s.printed} printed.</p></section>`;
}

function ticketJson(ticket: RecordedTicket) {
  const decoded = decodeEscPos(ticket.bytes);
  return { id: ticket.id, receivedAt: ticket.receivedAt, from: ticket.from, bytes: ticket.bytes.length, text: ticketText(ticket.bytes), qrCodes: decoded.qrCodes, cuts: decoded.cuts, codepages: decoded.codepages };
}

function ticketCard(ticket: RecordedTicket): string {
  const { text, qrCodes, cuts } = ticketJson(ticket);
  const qr = qrCodes.map((code) => `<p><small>QR code: <a href="${escapeHtml(code)}">${escapeHtml(code)}</a></small></p>`).join('');
  return `<section class="paper" aria-label="Ticket ${ticket.id}"><h2>Ticket ${ticket.id}</h2><p><small>${escapeHtml(ticket.receivedAt)} · ${ticket.bytes.length} bytes · ${cuts ? 'cut' : 'not cut'}</small></p><pre>${escapeHtml(text)}</pre>${qr}</section>`;
}

export function buildPrinterSink(options: { maxTickets?: number } = {}): PrinterSink {
  const tickets: RecordedTicket[] = [];
  let nextId = 1;
  const record = (bytes: Buffer, from: string) => {
    tickets.unshift({ id: nextId++, bytes, receivedAt: new Date().toISOString(), from });
    tickets.length = Math.min(tickets.length, options.maxTickets ?? 500);
  };
  const tcp = createServer((socket) => {
    const chunks: Buffer[] = [];
    const from = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => socket.destroy());
    // The sender closes its side when the ticket is complete; we then close ours.
    socket.on('end', () => record(Buffer.concat(chunks), from));
  });
  const sink: PrinterSink = {
    tcp,
    web: Fastify({ logger: false }),
    tickets,
    cloudprnt: null,
    pollCloudPrnt: (settings) => {
      sink.cloudprnt?.stop();
      sink.cloudprnt = startCloudPrntClient(settings, record);
      return sink.cloudprnt;
    },
  };
  const { web } = sink;
  web.addHook('onClose', async () => sink.cloudprnt?.stop());
  web.post<{ Body: CloudPrntSettings }>('/api/cloudprnt', async (request) => sink.pollCloudPrnt({ ...request.body, intervalMs: request.body.intervalMs ?? 2_000 }).status);
  web.get('/api/cloudprnt', async () => sink.cloudprnt?.status ?? null);
  web.get('/api/tickets', async () => tickets.map(ticketJson));
  web.delete('/api/tickets', async () => {
    tickets.length = 0;
    return { cleared: true };
  });
  web.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(sinkPage('Printer sink', 'ESC/POS over TCP or fetched by CloudPRNT, decoded. JSON at /api/tickets.', cloudPrntCard(sink.cloudprnt) + (tickets.length === 0 ? '<p>No tickets yet.</p>' : tickets.map(ticketCard).join('')))),
  );
  return sink;
}

/** Listens on host:port (0 for any free port) and resolves with the port taken. */
export function listenTcp(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export const closeTcp = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

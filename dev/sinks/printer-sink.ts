// A local stand-in for stores' POS printers: a raw TCP server (port 9100, like a real printer)
// that keeps each connection's bytes as one ticket, and a page showing what the paper would say.
import { createServer, type Server } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { decodeEscPos, ticketText } from './escpos-decoder.js';
import { escapeHtml, sinkPage } from './sink-page.js';

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
  const tcp = createServer((socket) => {
    const chunks: Buffer[] = [];
    const from = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => socket.destroy());
    // The sender closes its side when the ticket is complete; we then close ours.
    socket.on('end', () => {
      tickets.unshift({ id: nextId++, bytes: Buffer.concat(chunks), receivedAt: new Date().toISOString(), from });
      tickets.length = Math.min(tickets.length, options.maxTickets ?? 500);
    });
  });
  const web = Fastify({ logger: false });
  web.get('/api/tickets', async () => tickets.map(ticketJson));
  web.delete('/api/tickets', async () => {
    tickets.length = 0;
    return { cleared: true };
  });
  web.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(sinkPage('Printer sink', 'ESC/POS over TCP, decoded. JSON at /api/tickets.', tickets.length === 0 ? '<p>No tickets yet.</p>' : tickets.map(ticketCard).join(''))),
  );
  return { tcp, web, tickets };
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

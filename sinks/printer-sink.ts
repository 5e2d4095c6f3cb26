// A local stand-in for POS printers: a TCP server (port 9100 like a real printer) that records each
// connection's bytes as one ticket, and a page that shows the tickets' text.
import { createServer, type Server } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import CodepageEncoder from '@point-of-sale/codepage-encoder';
import { escapeHtml, sinkPage } from './sink-page.js';

export interface RecordedTicket {
  id: number;
  bytes: Buffer;
  receivedAt: string;
}

/** Printable text of ESC/POS bytes in code page 858: control sequences dropped, accents restored. */
export function ticketText(bytes: Buffer): string {
  const table = CodepageEncoder.getEncoding('cp858').codepoints as number[] | undefined;
  let out = '';
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i]!;
    if (b === 0x1b || b === 0x1d) {
      i += 2; // ESC/GS commands: skip their operator and first argument
      continue;
    }
    if (b === 0x0a) out += '\n';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else if (b >= 0x80 && table) out += String.fromCodePoint(table[b] ?? 0x3f);
  }
  return out;
}

export function buildPrinterSink(): { tcp: Server; web: FastifyInstance; tickets: RecordedTicket[] } {
  const tickets: RecordedTicket[] = [];
  const tcp = createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => {
      tickets.unshift({ id: tickets.length + 1, bytes: Buffer.concat(chunks), receivedAt: new Date().toISOString() });
    });
  });
  const web = Fastify({ logger: false });
  web.get('/api/tickets', async () => tickets.map((t) => ({ id: t.id, receivedAt: t.receivedAt, bytes: t.bytes.length, text: ticketText(t.bytes) })));
  web.get('/', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(sinkPage('Printer sink', tickets.length === 0 ? '<p>No tickets yet.</p>' : tickets.map((t) => `<h2>Ticket ${t.id} · ${escapeHtml(t.receivedAt)}</h2><pre>${escapeHtml(ticketText(t.bytes))}</pre>`).join(''))),
  );
  return { tcp, web, tickets };
}

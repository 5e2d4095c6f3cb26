// The printer sink: each TCP connection is one ticket, shown decoded on a page and as JSON.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeTicket } from '../../activities/channels/printer-sender.js';
import { buildPrinterSink, closeTcp, decodeEscPos, listenTcp, type PrinterSink } from '../../dev/sinks/printer-sink.js';
import { eventually } from './callback-receiver.js';

let sink: PrinterSink;
let port: number;
let web: string;
beforeAll(async () => {
  sink = buildPrinterSink();
  port = await listenTcp(sink.tcp, 0, '127.0.0.1');
  web = await sink.web.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await sink?.web.close();
  await closeTcp(sink.tcp);
});

/** What a printer client does: connect, write in pieces, close. */
function print(chunks: Uint8Array[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      for (const chunk of chunks) socket.write(chunk);
      socket.end();
    });
    socket.once('error', reject);
    socket.once('close', () => resolve());
  });
}

describe('the printer sink', () => {
  it('records one ticket per connection, however the bytes are split', async () => {
    const bytes = encodeTicket('ALERTA DE LIGAÇÃO DE ENTREGAS\n- São João · Pão Quente', 'https://repair.example.com/r/pt');
    await print([bytes.subarray(0, 7), bytes.subarray(7, 40), bytes.subarray(40)]);
    await print([encodeTicket('SECOND\nCittà Alta')]);
    const tickets = await eventually(() => sink.tickets, (list) => list.length === 2);
    expect(Buffer.compare(tickets[1]!.bytes, Buffer.from(bytes))).toBe(0);
  });

  it('answers the tickets as JSON, newest first, decoded', async () => {
    const list = (await (await fetch(`${web}/api/tickets`)).json()) as { id: number; text: string; qrCodes: string[]; cuts: number; codepages: string[] }[];
    expect(list.map((t) => t.text)).toEqual(['SECOND\nCittà Alta', 'ALERTA DE LIGAÇÃO DE ENTREGAS\n- São João · Pão Quente']);
    expect(list[1]).toMatchObject({ qrCodes: ['https://repair.example.com/r/pt'], cuts: 1, codepages: ['windows1252'] });
  });

  it('shows the tickets on an HTML page', async () => {
    const res = await fetch(`${web}/`);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('ALERTA DE LIGAÇÃO DE ENTREGAS');
    expect(html).toContain('QR code: <a href="https://repair.example.com/r/pt">');
  });

  it('forgets the tickets on DELETE', async () => {
    await fetch(`${web}/api/tickets`, { method: 'DELETE' });
    expect(await (await fetch(`${web}/api/tickets`)).json()).toEqual([]);
  });
});

describe('decodeEscPos', () => {
  it('follows code page switches and skips commands by their length', () => {
    const bytes = Buffer.from([
      0x1b, 0x40, // initialize
      0x1b, 0x74, 0x13, 0x82, 0x0a, // cp858: é
      0x1b, 0x74, 0x10, 0xe9, 0x92, 0x0a, // windows-1252: é ’
      0x1d, 0x21, 0x11, 0x41, // double size, A
      0x1b, 0x70, 0x00, 0x19, 0xfa, 0x42, // cash drawer pulse, B
      0x1d, 0x56, 0x41, 0x03, // partial cut with feed
    ]);
    expect(decodeEscPos(bytes)).toEqual({ text: 'é\né’\nAB', qrCodes: [], cuts: 1, codepages: ['cp858', 'windows1252'] });
  });
});

// ESC/POS tickets: the bytes (code page, bold headline, QR code, cut), and real TCP delivery to the
// printer sink, where the recorded bytes decode back to the very text we printed, in five languages.
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrinterSender, encodeTicket, parsePrinterAddress, PrinterSendError, sendToPrinter } from '../../activities/channels/printer-sender.js';
import { buildPrinterSink, closeTcp, decodeEscPos, listenTcp, ticketText, type PrinterSink } from '../../dev/sinks/printer-sink.js';
import { renderAlert } from '../../templates/render-alert.js';
import { LOCALES } from '../../core/i18n/index.js';
import { freePort } from '../../dev/ports.js';
import { eventually } from '../sinks/callback-receiver.js';
import { severalStores } from '../templates/alert-fixtures.js';
import { OutboundPolicy, parseOutboundAllow } from '../../activities/outbound/outbound-policy.js';

/** The local printer sink is inside: reached only because this list names it, as development does. */
const local = new OutboundPolicy(parseOutboundAllow('127.0.0.1'));

let sink: PrinterSink;
let address: string;
beforeAll(async () => {
  sink = buildPrinterSink();
  address = `127.0.0.1:${await listenTcp(sink.tcp, 0, '127.0.0.1')}`;
});
afterAll(async () => {
  await closeTcp(sink.tcp);
});

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('encodeTicket', () => {
  const bytes = encodeTicket('ALERTE CONNEXION\nCrêpes d’Élodie · São João\nPizzería Ñandú — 1.240 €', 'https://repair.example.com/r/abc');

  it('initializes the printer and selects Windows-1252 (ESC t 16)', () => {
    expect(hex(bytes.subarray(0, 2))).toBe('1b40');
    expect(hex(bytes)).toContain('1b7410');
  });

  it('prints accents, typographic apostrophes and the euro sign as single code page bytes', () => {
    const text = Buffer.from(bytes);
    for (const [char, byte] of [['ê', 0xea], ['’', 0x92], ['É', 0xc9], ['ã', 0xe3], ['Ñ', 0xd1], ['€', 0x80], ['—', 0x97]] as const) {
      expect(text.includes(byte), char).toBe(true);
    }
    expect(text.includes(0x3f), 'no "?" for an unknown character').toBe(false);
  });

  it('sets the headline in bold, stores the link in a QR code and cuts the paper', () => {
    expect(hex(bytes)).toMatch(/1b4501.*414c4552544520434f4e4e4558494f4e.*1b4500/);
    const decoded = decodeEscPos(bytes);
    expect(decoded.qrCodes).toEqual(['https://repair.example.com/r/abc']);
    expect(decoded.cuts).toBe(1);
    expect(decoded.text).not.toContain('https://repair.example.com/r/abc');
  });

  it('can use cp858 for printers without Windows-1252, losing only œ and ’', () => {
    const cp858 = encodeTicket('Città Alta · Crêpes d’Élodie · œuf', undefined, { codepage: 'cp858' });
    expect(hex(cp858)).toContain('1b7413');
    expect(ticketText(cp858)).toBe('Città Alta · Crêpes d?Élodie · ?uf');
  });
});

describe('parsePrinterAddress', () => {
  it('reads host, port, IPv6 and tcp:// forms, 9100 by default', () => {
    expect(parsePrinterAddress('192.168.1.50')).toEqual({ host: '192.168.1.50', port: 9100 });
    expect(parsePrinterAddress('pos-1.local:9101')).toEqual({ host: 'pos-1.local', port: 9101 });
    expect(parsePrinterAddress('[fe80::1]:9100')).toEqual({ host: 'fe80::1', port: 9100 });
    expect(parsePrinterAddress('tcp://10.0.0.7:4000')).toEqual({ host: '10.0.0.7', port: 4000 });
    expect(() => parsePrinterAddress('host:99999')).toThrow(PrinterSendError);
  });
});

describe('sendToPrinter', () => {
  it.each(LOCALES)('delivers a %s ticket over TCP that decodes back to the same text', async (locale) => {
    const ticket = renderAlert('action_needed_grouped', 'ticket', locale, severalStores);
    const link = severalStores.repairs[0]!.link;
    const before = sink.tickets.length;
    await sendToPrinter(address, encodeTicket(ticket.text, link), { outbound: local });
    const [received] = await eventually(() => sink.tickets, (list) => list.length === before + 1);
    expect(ticketText(received!.bytes)).toBe(ticket.text);
    expect(decodeEscPos(received!.bytes).qrCodes).toEqual([link]);
    expect(ticket.text).toMatch(/São João/);
  });

  it('prints through createPrinterSender too', async () => {
    const before = sink.tickets.length;
    const receipt = await createPrinterSender({ outbound: local }).print(address, { text: 'RECONNECTED\nGràcia · Crêpes d’Élodie' });
    expect(receipt).toMatchObject({ providerId: `ticket:${address}` });
    const [received] = await eventually(() => sink.tickets, (list) => list.length === before + 1);
    expect(ticketText(received!.bytes)).toBe('RECONNECTED\nGràcia · Crêpes d’Élodie');
  });

  it('fails with a typed, retryable error when nothing listens', async () => {
    const error = await sendToPrinter(`127.0.0.1:${await freePort()}`, encodeTicket('x'), { outbound: local }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterSendError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', retryable: true, channel: 'ticket', message: 'could not connect to the printer' });
  });

  it.each(['169.254.169.254', '2130706433', '0x7f000001', '127.1', '[::ffff:127.0.0.1]', 'localhost', 'printer.example.test'])('never connects to a printer at %s, nor to a name resolving inside', async (host) => {
    // printer.example.test: a public-looking name the name server points at the sink's loopback.
    const resolveInside = ((_name: string, _options: object, callback: (e: null, a: { address: string; family: number }[]) => void) => callback(null, [{ address: '127.0.0.1', family: 4 }])) as never;
    const before = sink.tickets.length;
    const port = address.split(':').pop();
    const error = await sendToPrinter(`${host}:${port}`, encodeTicket('x'), { outbound: new OutboundPolicy([], resolveInside) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterSendError);
    expect(error).toMatchObject({ code: 'EOUTBOUNDREFUSED', retryable: false, message: 'printer address not allowed' });
    expect(sink.tickets.length).toBe(before);
  });

  it('counts a ticket as printed when the printer keeps the connection open after reading it', async () => {
    const sockets: Socket[] = [];
    // allowHalfOpen: our end-of-ticket does not make this printer close its side.
    const lazy = createServer({ allowHalfOpen: true }, (socket) => {
      sockets.push(socket);
      socket.resume();
    });
    const port = await listenTcp(lazy, 0, '127.0.0.1');
    const started = Date.now();
    await sendToPrinter(`127.0.0.1:${port}`, encodeTicket('x'), { writeTimeoutMs: 200, outbound: local });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    sockets.forEach((s) => s.destroy());
    await closeTcp(lazy);
  });
});

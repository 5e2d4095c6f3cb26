// Printed repair tickets: ESC/POS bytes (code page 858 prints the accents of es/fr/it/pt) with a QR
// code of the repair link, sent to the store's POS printer over TCP (port 9100 by default).
import { connect } from 'node:net';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';

export const TICKET_CODEPAGE = 'cp858';
export const DEFAULT_PRINTER_PORT = 9100;

export function encodeTicket(text: string, link?: string): Uint8Array {
  let encoder = new ReceiptPrinterEncoder({ language: 'esc-pos', columns: 42 }).initialize().codepage(TICKET_CODEPAGE);
  const [title, ...rest] = text.split('\n');
  encoder = encoder.bold(true).line(title ?? '').bold(false);
  for (const line of rest) encoder = encoder.line(line);
  if (link) encoder = encoder.newline().align('center').qrcode(link, 2, 6, 'm').align('left');
  return encoder.newline(3).cut().encode();
}

export function parsePrinterAddress(address: string): { host: string; port: number } {
  const [host, port] = address.split(':');
  return { host: host ?? address, port: port ? Number(port) : DEFAULT_PRINTER_PORT };
}

export function sendToPrinter(address: string, bytes: Uint8Array, timeoutMs = 5000): Promise<void> {
  const { host, port } = parsePrinterAddress(address);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`printer ${address} did not answer within ${timeoutMs} ms`)));
    socket.once('error', reject);
    socket.once('connect', () => socket.end(Buffer.from(bytes)));
    socket.once('close', (hadError) => (hadError ? undefined : resolve()));
  });
}

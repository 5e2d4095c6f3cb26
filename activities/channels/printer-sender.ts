// Sends a ticket's bytes to a store's POS printer over raw TCP (port 9100, "JetDirect"), with a
// connect timeout and a write timeout so a printer that is off never holds an alert activity.
// The printer's address goes through the outbound policy: a store's "printer" at 169.254.169.254 or
// 127.0.0.1 (in any spelling, or a name resolving there) is never connected to.
import { connect, type Socket } from 'node:net';
import { assertDirectAddressAllowed, guardedLookup, outboundFailure } from '../outbound/guarded-connect.js';
import { OutboundPolicy } from '../outbound/outbound-policy.js';
import { PrinterSendError } from './channel-errors.js';
import { encodeTicket, type TicketEncoding } from './ticket-encoder.js';

export { encodeTicket, TICKET_CODEPAGE, TICKET_COLUMNS, type TicketEncoding } from './ticket-encoder.js';
export { PrinterSendError } from './channel-errors.js';

export const DEFAULT_PRINTER_PORT = 9100;

export interface PrinterTimeouts {
  /** 5 s unless told. */
  connectTimeoutMs?: number;
  /** Idle time allowed while writing and waiting for the printer to close; 10 s unless told. */
  writeTimeoutMs?: number;
  /** Which printer addresses may be reached; public ones only unless told (OUTBOUND_ALLOW). */
  outbound?: OutboundPolicy;
}

/** `host`, `host:port`, `[v6]:port` or `tcp://host:port`; the port defaults to 9100. */
export function parsePrinterAddress(address: string): { host: string; port: number } {
  const bare = address.trim().replace(/^tcp:\/\//, '');
  const match = /^(?:\[([^\]]+)\]|([^:]+))(?::(\d+))?$/.exec(bare);
  const host = match?.[1] ?? match?.[2];
  const port = match?.[3] ? Number(match[3]) : DEFAULT_PRINTER_PORT;
  if (!host || port < 1 || port > 65535) throw new PrinterSendError(`not a printer address: "${address}"`, 'EINVAL');
  return { host, port };
}

/** Messages end up in the delivery log the API shows: the kind of failure, never the socket's words. */
const NOT_ALLOWED = 'printer address not allowed';
const COULD_NOT_CONNECT = 'could not connect to the printer';

function settle(socket: Socket, timeouts: { connectTimeoutMs: number; writeTimeoutMs: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    let flushed = false;
    const fail = (error: PrinterSendError) => {
      socket.destroy();
      reject(error);
    };
    const connectTimer = setTimeout(() => fail(new PrinterSendError('printer timeout (no connection)', 'ETIMEDOUT')), timeouts.connectTimeoutMs);
    socket.once('connect', () => {
      clearTimeout(connectTimer);
      socket.setTimeout(timeouts.writeTimeoutMs, () => {
        // Every byte left us and the printer just keeps the line open: the ticket is out.
        if (flushed) return void (socket.destroy(), resolve());
        fail(new PrinterSendError('printer timeout (stopped reading)', 'ETIMEDOUT'));
      });
    });
    socket.once('finish', () => (flushed = true));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(connectTimer);
      const refused = outboundFailure(error).kind === 'refused';
      fail(new PrinterSendError(refused ? NOT_ALLOWED : COULD_NOT_CONNECT, refused ? 'EOUTBOUNDREFUSED' : error.code, !refused));
    });
    socket.once('close', (hadError) => {
      clearTimeout(connectTimer);
      if (!hadError) resolve();
    });
  });
}

export async function sendToPrinter(address: string, bytes: Uint8Array, timeouts: PrinterTimeouts | number = {}): Promise<void> {
  const { host, port } = parsePrinterAddress(address);
  const limits = typeof timeouts === 'number' ? { connectTimeoutMs: timeouts, writeTimeoutMs: timeouts } : timeouts;
  const outbound = (typeof timeouts === 'number' ? undefined : timeouts.outbound) ?? new OutboundPolicy();
  try {
    assertDirectAddressAllowed(outbound, host, port);
  } catch {
    throw new PrinterSendError(NOT_ALLOWED, 'EOUTBOUNDREFUSED', false);
  }
  const socket = connect({ host, port, lookup: guardedLookup(outbound, port) });
  const done = settle(socket, { connectTimeoutMs: limits.connectTimeoutMs ?? 5_000, writeTimeoutMs: limits.writeTimeoutMs ?? 10_000 });
  socket.end(Buffer.from(bytes));
  return done;
}

export interface PrinterSender {
  print(address: string, ticket: { text: string; link?: string }): Promise<{ providerId: string; bytes: number }>;
}

export function createPrinterSender(options: PrinterTimeouts & TicketEncoding = {}): PrinterSender {
  return {
    async print(address, ticket) {
      const bytes = encodeTicket(ticket.text, ticket.link, options);
      await sendToPrinter(address, bytes, options);
      return { providerId: `ticket:${address}`, bytes: bytes.length };
    },
  };
}

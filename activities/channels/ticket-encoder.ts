// Printed tickets as ESC/POS bytes. Code page Windows-1252 (ESC t 16 on Epson and compatibles)
// holds every letter and mark of en/es/fr/it/pt, œ, ’, « » and € included; cp858 lacks œ and ’.
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { stripUnsafe } from '../../templates/text-hygiene.js';

export const TICKET_CODEPAGE = 'windows1252';
export const TICKET_COLUMNS = 42;

export interface TicketEncoding {
  /** `cp858` for printers without Windows-1252; accents of es/fr/it/pt print, œ and ’ do not. */
  codepage?: 'windows1252' | 'cp858';
  columns?: 42 | 48;
  /** ESC/POS (Epson and compatibles) unless told; StarPRNT for Star printers that fetch by CloudPRNT. */
  language?: 'esc-pos' | 'star-prnt';
}

/** Spaces and dashes the code page lacks, turned into the ones it has; control characters (ESC,
 * GS… would be printer commands), bidi and invisible characters dropped, tabs made spaces. */
function printable(text: string): string {
  return stripUnsafe(text.replace(/\r\n?/g, '\n').replaceAll('\t', ' '))
    .normalize('NFC')
    .replace(/[\u2000-\u200B\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u2010-\u2012\u2212]/g, '-');
}

/** The first line is the headline (bold); a QR code of the link follows the text; then the cut. */
export function encodeTicket(text: string, link?: string, options: TicketEncoding = {}): Uint8Array {
  const [headline = '', ...lines] = printable(text).split('\n');
  const encoder = new ReceiptPrinterEncoder({ language: options.language ?? 'esc-pos', columns: options.columns ?? TICKET_COLUMNS })
    .initialize()
    .codepage(options.codepage ?? TICKET_CODEPAGE)
    .bold(true)
    .line(headline)
    .bold(false);
  for (const line of lines) encoder.line(line);
  if (link) encoder.newline().align('center').qrcode(link, { model: 2, size: 6, errorlevel: 'm' }).align('left');
  return encoder.newline(2).cut().encode();
}

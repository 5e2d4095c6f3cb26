// Reads ESC/POS bytes back into what the paper would show: text in the selected code page (ESC t n
// switches it), QR code contents, cuts; every other command is skipped by its known length.
import CodepageEncoder, { type Codepage } from '@point-of-sale/codepage-encoder';

/** ESC t n on Epson and compatibles (the encoder's default mapping), for the pages we may send. */
const EPSON_CODEPAGES: Record<number, Codepage> = { 0: 'cp437', 2: 'cp850', 3: 'cp860', 16: 'windows1252', 19: 'cp858' };

export interface DecodedTicket {
  text: string;
  qrCodes: string[];
  cuts: number;
  codepages: Codepage[];
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

/** Arguments after ESC <command>; anything unknown takes one. */
const ESC_ARGS: Record<number, number> = { 0x40: 0, 0x32: 0, 0x3c: 0, 0x70: 3, 0x1e: 2 };
/** Arguments after GS <command>; GS ( and GS V are handled apart. */
const GS_ARGS: Record<number, number> = { 0x50: 2 };

class Reader {
  private tables = new Map<Codepage, number[]>();
  codepage: Codepage = 'cp437';
  readonly used = new Set<Codepage>();

  char(byte: number): string {
    let table = this.tables.get(this.codepage);
    if (!table) {
      table = CodepageEncoder.getCodepoints(this.codepage, true);
      this.tables.set(this.codepage, table);
    }
    this.used.add(this.codepage);
    return String.fromCodePoint(table[byte] ?? 0xfffd);
  }
}

/** GS ( k / GS ( L …: a length-prefixed block. Returns where the next command starts. */
function skipBlock(bytes: Uint8Array, i: number, out: DecodedTicket): number {
  const length = (bytes[i + 3] ?? 0) + (bytes[i + 4] ?? 0) * 256;
  const start = i + 5;
  // GS ( k, QR code (cn 49), store data (fn 80, m 48): the payload is what the code holds.
  if (bytes[i + 2] === 0x6b && bytes[start] === 0x31 && bytes[start + 1] === 0x50) out.qrCodes.push(Buffer.from(bytes.subarray(start + 3, start + length)).toString('latin1'));
  return start + length;
}

/** GS v 0: a raster image, m xL xH yL yH and its bitmap. */
function skipRaster(bytes: Uint8Array, i: number): number {
  const width = (bytes[i + 4] ?? 0) + (bytes[i + 5] ?? 0) * 256;
  const height = (bytes[i + 6] ?? 0) + (bytes[i + 7] ?? 0) * 256;
  return i + 8 + width * height;
}

function gsCommand(bytes: Uint8Array, i: number, out: DecodedTicket): number {
  const command = bytes[i + 1];
  if (command === 0x28) return skipBlock(bytes, i, out);
  if (command === 0x76 && bytes[i + 2] === 0x30) return skipRaster(bytes, i);
  if (command === 0x56) {
    out.cuts += 1;
    const m = bytes[i + 2] ?? 0;
    return i + 3 + ([65, 66, 97, 98, 103, 104].includes(m) ? 1 : 0);
  }
  if (command === 0x6b) {
    const m = bytes[i + 2] ?? 0;
    if (m <= 6) return bytes.indexOf(0, i + 3) + 1 || bytes.length;
    return i + 4 + (bytes[i + 3] ?? 0);
  }
  return i + 2 + (GS_ARGS[command ?? 0] ?? 1);
}

function escCommand(bytes: Uint8Array, i: number, reader: Reader): number {
  const command = bytes[i + 1] ?? 0;
  if (command === 0x74) reader.codepage = EPSON_CODEPAGES[bytes[i + 2] ?? 0] ?? 'cp437';
  if (command === 0x2a) return i + 5 + ((bytes[i + 3] ?? 0) + (bytes[i + 4] ?? 0) * 256) * ((bytes[i + 2] ?? 0) >= 32 ? 3 : 1);
  return i + 2 + (ESC_ARGS[command] ?? 1);
}

export function decodeEscPos(bytes: Uint8Array): DecodedTicket {
  const out: DecodedTicket = { text: '', qrCodes: [], cuts: 0, codepages: [] };
  const reader = new Reader();
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte === ESC) i = escCommand(bytes, i, reader);
    else if (byte === GS) i = gsCommand(bytes, i, out);
    else if (byte === FS) i += 2;
    else {
      if (byte === 0x0a) out.text += '\n';
      else if (byte >= 0x20 && byte !== 0x7f) out.text += byte < 0x80 ? String.fromCharCode(byte) : reader.char(byte);
      i += 1;
    }
  }
  out.codepages = [...reader.used];
  return out;
}

/** The ticket's printed text, trailing blank lines dropped. */
export function ticketText(bytes: Uint8Array): string {
  return decodeEscPos(bytes).text.trimEnd();
}

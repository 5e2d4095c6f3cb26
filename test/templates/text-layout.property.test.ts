// Every function that lays out text is total: on any string (any code point, lone surrogates,
// controls, long runs of spaces before a list marker, very long words, CR/LF mixes) it returns,
// and its output stays within a linear bound of its input. A loop that cannot advance or a regex
// that backtracks catastrophically fails here (by running out of memory or the test's time).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTicket } from '../../activities/channels/ticket-encoder.js';
import { snippetOf } from '../../api/help/article-snippet.js';
import { stepsOf } from '../../api/help/article-steps.js';
import { LOCALES } from '../../core/i18n/index.js';
import { problemLabel } from '../../api/pages/repair-labels.js';
import { decodeEscPos, ticketText } from '../../dev/sinks/escpos-decoder.js';
import { TEMPLATE_KINDS, type AlertData } from '../../templates/alert-data.js';
import { renderAlert, wrapTicketLines } from '../../templates/render-alert.js';
import { storeLabel } from '../../templates/repair-view.js';
import { isCleanLine, isCleanMessage, normalizeName, stripUnsafe } from '../../templates/text-hygiene.js';
import { TICKET_WIDTH } from '../../templates/ticket-lines.js';
import { base, reconnectRepair } from './alert-fixtures.js';

/** Pieces a hostile or careless name is made of. */
const piece = fc.oneof(
  fc.constantFrom(' ', '- ', '1. ', '* ', '12345. ', '\n', '\r\n', '\r', '\n\r', '\t', '\u001b@', '\u001dV\u0000', '\u202e', '\u2067', '\u200b', '\ufeff', '\u0000', '\ud800', '\udfff', '😀', 'é', 'x'),
  fc.nat(120).map((n) => ' '.repeat(n)),
  fc.nat(300).map((n) => 'w'.repeat(n)),
  fc.nat(30).map((n) => '\n'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const crafted = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 }), crafted);

/** Inputs that hang a quadratic regex or a loop that cannot advance, named for the report. */
const EXTREMES = [
  `${' '.repeat(40)}- a`,
  `${' '.repeat(45)}1. ${'long '.repeat(20)}`,
  `${' '.repeat(200)}* ${'w'.repeat(500)}`,
  `${' '.repeat(100_000)}x`,
  `${'\t '.repeat(50_000)}x\n`,
  `${'w'.repeat(100_000)}`,
  `${'\r\n'.repeat(20_000)}- ${' '.repeat(50_000)}1.`,
];

const RUNS = { numRuns: 300 };

describe('ticket lines', () => {
  it('wraps any text into lines no wider than the ticket, losing no visible character and splitting no character', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(TICKET_WIDTH, 48, 2, 7, 20), (text, width) => {
        const out = wrapTicketLines(text, width);
        expect(out.length).toBeLessThanOrEqual(3 * text.length + 1);
        for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
        // A cut never splits a surrogate pair (half an emoji) that was whole in the input.
        expect((out.match(/\p{Cs}/gu) ?? []).length).toBeLessThanOrEqual((text.match(/\p{Cs}/gu) ?? []).length);
        expect(out.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      RUNS,
    );
    for (const text of EXTREMES) expect(wrapTicketLines(text).length).toBeLessThanOrEqual(3 * text.length + 1);
  });
});

describe('alert messages', () => {
  const dataOf = (name: string, other: string): AlertData => ({
    ...base,
    orgName: name,
    recipientName: other,
    repairs: [{ ...reconnectRepair, provider: `Uber ${other}`, errorTypeLabel: other, actionLabel: name, steps: [name, other], stores: [{ location: name, brand: other, provider: 'Uber Eats' }] }],
  });

  it('renders every kind on every channel from any names, bounded, with no control or invisible character', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.constantFrom(...TEMPLATE_KINDS), fc.constantFrom(...LOCALES), (name, other, kind, locale) => {
        const size = name.length + other.length;
        const sms = renderAlert(kind, 'sms', locale, dataOf(name, other));
        expect(sms.text.length).toBeLessThanOrEqual(4 * size + 2000);
        expect(isCleanLine(sms.text)).toBe(true);
        for (const channel of ['email', 'ticket'] as const) {
          const message = renderAlert(kind, channel, locale, dataOf(name, other));
          expect(message.text.length).toBeLessThanOrEqual(30 * size + 20_000);
          expect(isCleanMessage(message.text)).toBe(true);
          expect(isCleanLine(message.subject ?? '')).toBe(true);
          expect(isCleanMessage(message.html ?? '')).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('renders the extremes', () => {
    for (const text of EXTREMES) {
      for (const channel of ['email', 'sms', 'ticket'] as const) expect(renderAlert('action_needed', channel, 'en', dataOf(text, text)).text.length).toBeLessThanOrEqual(40 * text.length + 20_000);
    }
  });
});

describe('printed tickets', () => {
  it('encodes any text as one ticket: one code page, one cut, no command from the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const bytes = encodeTicket(text, 'https://repair.example.com/r/x');
        expect(bytes.length).toBeLessThanOrEqual(8 * text.length + 2000);
        const decoded = decodeEscPos(bytes);
        expect(decoded.cuts).toBe(1);
        expect(decoded.codepages.every((page) => page === 'windows1252')).toBe(true);
        expect(decoded.qrCodes).toEqual(['https://repair.example.com/r/x']);
        expect(isCleanMessage(decoded.text)).toBe(true);
      }),
      RUNS,
    );
  });

  it('prints ESC and GS in stored text as nothing, not as commands', () => {
    const decoded = decodeEscPos(encodeTicket('Ticket\nCaf\u001bt\u0000é \u001dV\u0000after the cut \u001b@\u202eend'));
    expect(decoded.cuts).toBe(1);
    expect(decoded.codepages).toEqual(['windows1252']);
    // The commands' argument bytes are plain letters once ESC and GS are gone: they print as text.
    expect(decoded.text).toContain('Cafté Vafter the cut @end');
  });

  it('decodes any bytes, bounded by their length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const decoded = decodeEscPos(bytes);
        expect(decoded.text.length).toBeLessThanOrEqual(bytes.length);
        expect(ticketText(bytes).length).toBeLessThanOrEqual(bytes.length);
      }),
      RUNS,
    );
    for (const text of EXTREMES) expect(ticketText(Buffer.from(text, 'latin1')).length).toBeLessThanOrEqual(text.length);
  });
});

describe('help center', () => {
  it('takes snippets and steps of any article and question', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.constantFrom(...LOCALES), (body, query, locale) => {
        expect(snippetOf(body, query, locale).length).toBeLessThanOrEqual(180);
        expect(stepsOf(body).join('').length).toBeLessThanOrEqual(body.length);
      }),
      RUNS,
    );
    for (const text of EXTREMES) {
      expect(snippetOf(`1. ${text}`, text, 'en').length).toBeLessThanOrEqual(180);
      expect(stepsOf(`1. ${text}`).join('').length).toBeLessThanOrEqual(text.length + 3);
    }
  });
});

describe('labels and text helpers', () => {
  it('labels, counts and cleans any text', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.constantFrom(...LOCALES), (a, b, locale) => {
        expect(storeLabel({ location: a, brand: b, provider: 'x' }).length).toBeLessThanOrEqual(a.length + b.length + 3);
        expect(problemLabel({ errorType: a, cause: b || null }, locale).length).toBeLessThanOrEqual(a.length + b.length + 200);
        const name = normalizeName(a);
        expect(name.length).toBeLessThanOrEqual(a.length);
        expect(normalizeName(name)).toBe(name);
        const clean = stripUnsafe(a);
        expect(clean.length).toBeLessThanOrEqual(a.length);
        expect(isCleanMessage(clean)).toBe(true);
        expect(isCleanLine(stripUnsafe(a, { keepLines: false }).replace(/[\t\n\r]/g, ''))).toBe(true);
      }),
      RUNS,
    );
  });
});

// Which characters stored text may hold (a lone surrogate is \p{Cs} in a /u pattern), and the scrub every channel applies before sending.
// Text reaches printers (where ESC starts a command), SMS and e-mail: control characters, bidi
// overrides/isolates and invisible format characters can reorder, hide or inject. The API refuses
// them at the door (api/schemas/text.schemas.ts); the channels strip them again so nothing stored
// before that rule reaches a printer as a command.

/**
 * Never in stored text: C0/C1 controls (Cc), format characters (Cf: bidi controls, zero-width
 * space, BOM, soft hyphen, tags) except ZWNJ/ZWJ (U+200C/D, needed to spell Persian, Indic
 * scripts and emoji sequences), lone surrogates (Cs), U+FFFD (what undecodable bytes became) and
 * noncharacters, and line/paragraph separators (U+2028/9).
 */
const FORBIDDEN = /[\p{Cc}\p{Cs}\u2028\u2029\uFFFD\uFDD0-\uFDEF\uFFFE\uFFFF]|(?![\u200C\u200D])\p{Cf}/u;
/** The same, allowing the tab and line breaks of multi-line text (CRLF from forms included). */
const FORBIDDEN_IN_MESSAGE = /(?![\t\n\r])[\p{Cc}]|[\p{Cs}\u2028\u2029\uFFFD\uFDD0-\uFDEF\uFFFE\uFFFF]|(?![\u200C\u200D])\p{Cf}/u;

/** Trim and collapse every run of white space (tabs, newlines, NBSP, ideographic space) to one space. */
export function normalizeName(value: string): string {
  // JavaScript's \s includes U+FEFF and U+2028/9: those are refused, not turned into a space.
  return value.replace(/[^\S\uFEFF\u2028\u2029]+/gu, ' ').replace(/^ | $/g, '');
}

/** A name once normalized: one line, nothing but visible characters and single spaces. */
export function isCleanName(value: string): boolean {
  return isCleanLine(normalizeName(value));
}

/** One line as typed (a username, an error code, a search): no control or invisible characters. */
export function isCleanLine(value: string): boolean {
  return !FORBIDDEN.test(value);
}

/** Multi-line free text (a message): as a line, but tabs and line breaks are kept. */
export function isCleanMessage(value: string): boolean {
  return !FORBIDDEN_IN_MESSAGE.test(value);
}

/** A secret is passed on as typed, but never with NUL, lone surrogates or undecodable bytes. */
export function isCleanSecret(value: string): boolean {
  return !/[\0\p{Cs}\uFFFD]/u.test(value);
}

const STRIP = new RegExp(FORBIDDEN.source, 'gu');
const STRIP_KEEPING_LINES = new RegExp(FORBIDDEN_IN_MESSAGE.source, 'gu');

/** What a channel sends: forbidden characters removed (line breaks and tabs kept, lone surrogates dropped). */
export function stripUnsafe(text: string, { keepLines = true }: { keepLines?: boolean } = {}): string {
  return text.replace(keepLines ? STRIP_KEEPING_LINES : STRIP, '');
}

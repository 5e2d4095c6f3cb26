// What an SMS body is made of. One character outside the GSM-7 alphabet (a typographic apostrophe,
// a middle dot, an ellipsis) sends the whole message as UCS-2: 70 characters a segment instead of 160,
// so two to four times the price. Look-alike punctuation and spaces become their GSM-7 twins as
// Twilio's Smart Encoding does (the map follows sms-segments-calculator's copy of it, which the
// tests compare against); letters are never touched: é, ñ or ç in a name or a word stay as written.
import { stripUnsafe } from './text-hygiene.js';

const LOOK_ALIKES: Record<string, string> = {
  // Quotes and apostrophes (the translations use ’, ICU's escape being the straight one).
  '\u2018': "'", '\u2019': "'", '\u201a': ',', '\u201b': "'", '\u02bc': "'", '\u00b4': "'", '`': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u00ab': '"', '\u00bb': '"', '\u2039': '<', '\u203a': '>',
  // Dashes, bullets and the separator of "Location · Brand" (the middle dot is not in Twilio's map).
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2022': '-', '\u2043': '-', '\u00b7': '-',
  '\u2026': '...',
  // Spaces of every width (French puts a narrow no-break space before « : »).
  '\u00a0': ' ', '\u2000': ' ', '\u2001': ' ', '\u2002': ' ', '\u2003': ' ', '\u2004': ' ', '\u2005': ' ', '\u2006': ' ',
  '\u2007': ' ', '\u2008': ' ', '\u2009': ' ', '\u200a': ' ', '\u202f': ' ', '\u205f': ' ', '\u3000': ' ',
  // Invisible joiners a pasted name may carry.
  '\u200b': '', '\u2060': '', '\ufeff': '',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');

/** The SMS body: unsafe characters out, look-alikes replaced, on one line with single spaces. */
export function smsText(text: string): string {
  // Line breaks become spaces before the scrub, which would otherwise glue the words together.
  const oneLine = text.replace(LOOK_ALIKE, (char) => LOOK_ALIKES[char] ?? char).replace(/\s+/g, ' ');
  return stripUnsafe(oneLine, { keepLines: false }).trim();
}

/** The characters replaced, for the tests to hold against Twilio's own map. */
export const SMS_LOOK_ALIKES: Readonly<Record<string, string>> = LOOK_ALIKES;

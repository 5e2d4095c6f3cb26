// What every SMS costs: each kind in each language rendered through renderAlert with the demo data's
// longest names and a real short link, counted in segments by Twilio's calculator. The table this
// prints is the one in docs/alerts-channels.md ("What an SMS costs").
import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { LOCALES, PROVIDERS } from '../../core/providers/index.js';
import { ALERT_LINK_TTL_SECONDS, linkKeyFrom, signLink } from '../../core/secrets/repair-links.js';
import { newShortCode } from '../../core/secrets/short-links.js';
import { newId } from '../../core/db/ids.js';
import { DEMO_ORG_NAME } from '../../dev/demo-data.js';
import { TEMPLATE_KINDS, type AlertData, type RepairLine } from '../../templates/alert-data.js';
import { renderAlert } from '../../templates/render-alert.js';
import { SMS_LOOK_ALIKES, smsText } from '../../templates/sms-text.js';

const PUBLIC_URL = 'https://repair.example.com';
const provider = [...PROVIDERS].map((p) => p.name).sort((a, b) => b.length - a.length)[0]!;
const repairId = newId('rep');
// The demo's stores (dev/demo-data.ts): Lavapiés and Chamberí, Casa Lola and Bao Bros. Chamberí's
// "í" is not GSM-7, so a message naming it is UCS-2 (70 characters a segment): the worst case.
const store = (location: string, brand: string) => ({ location, brand, provider });
const line: RepairLine = {
  repairId,
  provider,
  errorTypeLabel: 'Sign-in details no longer work',
  resolution: 'reconnect',
  actionLabel: 'Reconnect the account',
  link: `${PUBLIC_URL}/r/${signLink(linkKeyFrom(Buffer.alloc(32, 7)), { repairId, userId: newId('usr') }, Date.now(), ALERT_LINK_TTL_SECONDS)}`,
  shortLink: `${PUBLIC_URL}/r/${newShortCode()}`,
  stores: [store('Chamberí', 'Casa Lola')],
};
const one: AlertData = { orgName: DEMO_ORG_NAME, repairs: [line], generatedAt: '2026-12-06T09:30:00Z', timezone: 'Europe/Madrid' };
const grouped: AlertData = { ...one, repairs: [{ ...line, stores: [store('Lavapiés', 'Casa Lola'), store('Lavapiés', 'Bao Bros'), store('Chamberí', 'Casa Lola'), store('Chamberí', 'Bao Bros')] }] };

const measured = TEMPLATE_KINDS.map((kind) => ({
  kind,
  cells: LOCALES.map((locale) => {
    const text = renderAlert(kind, 'sms', locale, kind === 'action_needed_grouped' ? grouped : one).text;
    return { locale, text, message: new SegmentedMessage(text) };
  }),
}));

describe('SMS segments', () => {
  it.each(measured.flatMap(({ kind, cells }) => cells.map((cell) => ({ kind, ...cell }))))('$kind in $locale: at most two segments, with the short link', ({ kind, text, message }) => {
    expect(message.segmentsCount, `${kind}: ${text}`).toBeLessThanOrEqual(2);
    if (kind !== 'reconnected' && kind !== 'provider_issue') expect(text).toContain(line.shortLink);
    expect(text).not.toContain(line.link);
  });

  it('prints the table kept in the docs (segments, encoding, characters)', () => {
    const rows = [`| kind | ${LOCALES.join(' | ')} |`, `| --- |${LOCALES.map(() => ' --- |').join('')}`];
    for (const { kind, cells } of measured) {
      rows.push(`| \`${kind}\` | ${cells.map(({ text, message }) => `${message.segmentsCount} (${message.encodingName === 'GSM-7' ? 'GSM' : 'UCS-2'}, ${text.length})`).join(' | ')} |`);
    }
    console.log(`SMS segments (${provider}, ${DEMO_ORG_NAME}, ${line.shortLink!.length}-character link):\n${rows.join('\n')}`);
    expect(rows).toHaveLength(TEMPLATE_KINDS.length + 2);
  });

  it('our own words are GSM-7 in every language but where a word needs its accent (UCS-2 only from names, or Portuguese)', () => {
    const gsmStore: AlertData = { ...one, repairs: [{ ...line, stores: [store('Lavapiés', 'Casa Lola')] }] };
    for (const locale of LOCALES) {
      for (const kind of TEMPLATE_KINDS) {
        const text = renderAlert(kind, 'sms', locale, kind === 'action_needed_grouped' ? grouped : gsmStore).text;
        const expected = locale === 'pt' && kind === 'escalated_emergency' ? 'UCS-2' : 'GSM-7';
        expect(new SegmentedMessage(text).encodingName, `${locale} ${kind}: ${text}`).toBe(expected);
      }
    }
  });
});

describe('SMS characters', () => {
  it('replaces look-alikes as Twilio Smart Encoding does (the middle dot and two dashes are ours)', () => {
    const ours = ['\u00b7', '\u2011', '\u2012'];
    for (const [char, replacement] of Object.entries(SMS_LOOK_ALIKES)) {
      const twilio = new SegmentedMessage(char, 'auto', true).graphemes.join('');
      if (ours.includes(char)) expect(twilio, char).toBe(char);
      // Twilio turns a wide space into two; ours are collapsed to one anyway.
      else expect(twilio.replace(/ +/g, ' '), `U+${char.codePointAt(0)!.toString(16)}`).toBe(replacement);
    }
  });

  it('keeps every letter a language needs, and line breaks become spaces', () => {
    const text = smsText('Crêpes d’Élodie · São João…\n«Pizzería Ñandú» – Città\u00a0Alta\u202f: ção');
    expect(text).toBe('Crêpes d\'Élodie - São João... "Pizzería Ñandú" - Città Alta : ção');
    expect(smsText('a\u200bb\u0007c\u202ed')).toBe('abcd');
  });
});

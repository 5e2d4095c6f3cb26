// What a reply to an alert SMS means. Digits and each locale's "yes" acknowledge; opt-out words are
// Twilio's and the carriers' own (https://help.twilio.com/articles/223134027), matched the same way:
// the whole message, trimmed, case and accents ignored.
export type ReplyIntent = 'acknowledge' | 'remind_later' | 'link' | 'stop' | 'start' | 'help' | 'unknown';

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').trim().replace(/[.!]+$/, '').toUpperCase();

/** "1" and the five locales' yes (OK, SÍ, OUI, SÌ, SIM). YES is not one: Twilio reads it as START. */
const ACKNOWLEDGE = ['1', 'OK', 'SI', 'OUI', 'SIM'];
const STOP = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'];
const START = ['START', 'YES', 'UNSTOP'];
const HELP = ['HELP', 'INFO'];

export function replyIntent(body: string): ReplyIntent {
  const word = fold(body);
  if (ACKNOWLEDGE.includes(word)) return 'acknowledge';
  if (word === '2') return 'remind_later';
  if (word === 'LINK') return 'link';
  if (STOP.includes(word)) return 'stop';
  if (START.includes(word)) return 'start';
  if (HELP.includes(word)) return 'help';
  return 'unknown';
}

/** The number behind a `From`: a WhatsApp reply (`whatsapp:+34…`) is the same person as its SMS. */
export function replyNumber(from: string): { phone: string; channel: 'sms' | 'whatsapp' } {
  return from.startsWith('whatsapp:') ? { phone: from.slice('whatsapp:'.length), channel: 'whatsapp' } : { phone: from, channel: 'sms' };
}

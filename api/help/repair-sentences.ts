// The assistant's first words when the merchant has open repairs: where each one stands, in their
// language ("Your Uber Eats account casa-lola-ue is waiting for a verification code…"), and, for
// someone who may not reconnect, who can.
import { formatList, translate, translationsOf, type Locale } from '../../core/i18n/index.js';
import type { OpenRepair } from './open-repairs.js';

/** Repairs named one by one; the rest are counted. */
const NAMED = 3;

/** Where one repair stands; a cause with words of its own ("shows … as inactive") says it that way. */
export function repairSentence(repair: OpenRepair, locale: Locale): string {
  const messages = translationsOf(locale);
  const byCause = `help.repair.${repair.state}.${repair.cause ?? ''}`;
  const key = Object.hasOwn(messages, byCause) ? byCause : `help.repair.${repair.state}`;
  if (!Object.hasOwn(messages, key)) return '';
  const stores = repair.locations.length > 0 ? formatList(locale, repair.locations) : repair.accountRef;
  return translate(locale, key, { provider: repair.providerName, account: repair.accountRef, stores, count: Math.max(1, repair.locations.length) });
}

/** Waiting on something only a person who may reconnect can give. */
const needsReconnector = (repair: OpenRepair) => ['awaiting_credentials', 'awaiting_verification_code', 'awaiting_portal_steps'].includes(repair.state);

export interface Reader {
  canReconnect: boolean;
  /** Names of the colleagues who may reconnect (read-only readers only). */
  reconnectors: string[];
}

/** The opening of an answer about these repairs, or '' when there are none. */
export function repairsOpening(repairs: readonly OpenRepair[], locale: Locale, reader: Reader): string {
  const named = repairs.slice(0, NAMED);
  const sentences = named.map((r) => repairSentence(r, locale)).filter((s) => s.length > 0);
  if (repairs.length > NAMED) sentences.push(translate(locale, 'help.repair.more', { count: repairs.length - NAMED }));
  if (!reader.canReconnect && named.some(needsReconnector)) {
    sentences.push(reader.reconnectors.length > 0 ? translate(locale, 'help.repair.readOnly', { people: formatList(locale, reader.reconnectors) }) : translate(locale, 'help.repair.readOnlyNobody'));
  }
  return sentences.join(' ');
}

// Where an open repair stands, said in every language for every open state, with the read-only
// addition for a reader who may not reconnect.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/i18n/index.js';
import { repairSentence, repairsOpening } from '../../api/help/repair-sentences.js';
import type { OpenRepair } from '../../api/help/open-repairs.js';
import { CLOSED_STATES, REPAIR_STATES } from '../../workflows/repair/repair-rules.js';

const repair = (state: string, extra: Partial<OpenRepair> = {}): OpenRepair => ({
  repairId: 'rep_x', provider: 'uber_eats', providerName: 'Uber Eats', accountRef: 'casa-lola-ue', state, errorType: null, cause: null, locations: ['Madrid Chueca'], ...extra,
});
const OPEN = REPAIR_STATES.filter((s) => !CLOSED_STATES.includes(s));

describe('repair sentences', () => {
  it.each(LOCALES)('every open state has its sentence in %s, naming the provider and the account or stores', (locale) => {
    for (const state of OPEN) {
      const sentence = repairSentence(repair(state), locale);
      expect(sentence, state).toContain('Uber Eats');
      expect(sentence.includes('casa-lola-ue') || sentence.includes('Madrid Chueca'), `${locale} ${state}: ${sentence}`).toBe(true);
    }
  });

  it('says an inactive store the way the merchant sees it, one store or several', () => {
    const inactive = (locations: string[]) => repair('awaiting_portal_steps', { provider: 'deliveroo', providerName: 'Deliveroo', cause: 'store_inactive', locations });
    expect(repairSentence(inactive(['Sevilla Centro']), 'en')).toBe('Deliveroo still shows Sevilla Centro as inactive; here are the steps.');
    expect(repairSentence(inactive(['Sevilla Centro', 'Triana']), 'es')).toBe('Deliveroo sigue mostrando las tiendas de Sevilla Centro y Triana como inactivas; estos son los pasos.');
  });

  it('names three repairs at most, counts the rest, and tells a reader who may not reconnect who can', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((a) => repair('awaiting_credentials', { accountRef: `acct-${a}` }));
    const opening = repairsOpening(five, 'en', { canReconnect: false, reconnectors: ['Lola Martín', 'Ana Ruiz'] });
    expect(opening).toContain('acct-c');
    expect(opening).not.toContain('acct-d');
    expect(opening).toContain('2 more accounts need repair too.');
    expect(opening).toContain('Only people who manage integrations can reconnect it or confirm a fix: Lola Martín and Ana Ruiz.');
    expect(repairsOpening(five.slice(0, 1), 'en', { canReconnect: true, reconnectors: [] })).not.toContain('Only people');
  });
});

// One word per concept: no merchant text uses a synonym the locale's glossary bans
// (core/i18n/glossary/<locale>.json, which people read too).
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/i18n/index.js';
import { bannedMatchers, fold, glossaryFindings, glossaryOf } from './glossary-check.js';

describe('glossary', () => {
  it.each(LOCALES)('%s has a glossary with the five concepts', (locale) => {
    const concepts = glossaryOf(locale).concepts.map((c) => c.concept);
    for (const concept of ['store', 'provider', 'alert', 'reconnect', 'ticket']) expect(concepts.some((c) => c.startsWith(concept)), concept).toBe(true);
  });

  it.each(LOCALES)('%s texts use no banned synonym', (locale) => {
    expect(glossaryFindings(locale)).toEqual([]);
  });

  it('catches a banned word whatever its case or accents, and only as a whole word', () => {
    const matchers = bannedMatchers({ locale: 'pt', address: '', concepts: [{ concept: 'password', use: ['palavra-passe'], banned: ['senha', 'você'] }] });
    const hits = (text: string) => matchers.filter((m) => m.pattern.test(fold(text))).map((m) => m.word);
    expect(hits('Introduza a SENHA.')).toEqual(['senha']);
    expect(hits('Voce pode')).toEqual(['você']);
    expect(hits('senhas, assenhar')).toEqual([]);
  });
});

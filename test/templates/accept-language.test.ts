import { describe, expect, it } from 'vitest';
import { acceptedLanguages } from '../../core/i18n/index.js';

describe('Accept-Language', () => {
  it.each([
    ['fr-CH,fr;q=0.9,en;q=0.5', ['fr-CH', 'fr', 'en']],
    ['en;q=0.2, es-ES;q=0.8, it', ['it', 'es-ES', 'en']],
    ['pt-BR;q=0, de, *;q=0.1', ['de']],
    ['', []],
    [undefined, []],
    ['garbage;;;q=abc', []],
  ] as const)('%s → %j', (header, expected) => {
    expect(acceptedLanguages(header)).toEqual(expected);
  });
});

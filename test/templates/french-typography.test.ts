// French typography: a no-break space (U+00A0, or the narrow U+202F) before : ; ? ! and inside « »,
// so a line never starts with a colon or a lone guillemet. URLs, times and placeholders are left out.
import { describe, expect, it } from 'vitest';
import { merchantTexts } from './merchant-texts.js';

const NO_BREAK = '[\\u00A0\\u202F]';
const RULES: Array<[string, RegExp]> = [
  ['no-break space before : ; ? !', new RegExp(`(?<!${NO_BREAK}|[:;?!])[:;?!]`, 'u')],
  ['no-break space after «', new RegExp(`«(?!${NO_BREAK})`, 'u')],
  ['no-break space before »', new RegExp(`(?<!${NO_BREAK})»`, 'u')],
];

/** The text without what is not French prose: URLs, times (12:30) and simple placeholders. */
export const proseOf = (text: string): string =>
  text.replace(/\bhttps?:\/\/\S+/g, 'URL').replace(/\b(\d{1,2}:\d{2}|HH:MM)\b/g, '12h30').replace(/\{\w+\}/g, 'X');

export function typographyFindings(texts: Array<{ where: string; text: string }>): string[] {
  return texts.flatMap(({ where, text }) => RULES.filter(([, rule]) => rule.test(proseOf(text))).map(([name]) => `${where}: ${name}`));
}

describe('French typography', () => {
  it('every French text puts a no-break space before : ; ? ! and inside « »', () => {
    expect(typographyFindings(merchantTexts('fr'))).toEqual([]);
  });

  it('leaves URLs, times and placeholders alone, and catches an ordinary space', () => {
    const ok = 'Ouvrez https://example.com/a?b=1 à 12:30 pour {provider}\u00A0: « oui\u00A0» ?'.replace('« ', '«\u00A0').replace(' ?', '\u202F?');
    expect(typographyFindings([{ where: 'ok', text: ok }])).toEqual([]);
    expect(typographyFindings([{ where: 'bad', text: 'Réparer : maintenant!' }])).toEqual(['bad: no-break space before : ; ? !']);
    expect(typographyFindings([{ where: 'quote', text: '«Réparer»' }])).toEqual(['quote: no-break space after «', 'quote: no-break space before »']);
  });
});

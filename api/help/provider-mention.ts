// Finding which delivery provider a question names, even misspelled ("delivero", "door dash").
import { PROVIDERS } from '../../core/providers/index.js';
import { withinOneEdit } from './edit-distance.js';
import { wordsOf } from './search-terms.js';

/** Short names merchants use besides the catalogue names (folded, without spaces). */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  uber_eats: ['uber', 'ubereats'],
  just_eat: ['justeat'],
  skipthedishes: ['skip'],
  takeaway_web: ['takeaway', 'thuisbezorgd', 'lieferando'],
  foodpanda_web: ['foodpanda', 'panda'],
  coupang_eats: ['coupang'],
};

const compact = (text: string): string => wordsOf(text).join('');

const KEYS: ReadonlyArray<{ id: string; key: string }> = PROVIDERS.flatMap((p) =>
  [...new Set([compact(p.name), p.id.replaceAll('_', ''), ...(ALIASES[p.id] ?? [])])].map((key) => ({ id: p.id, key })),
);

/** The provider id named in a text, or undefined; long names tolerate one typo. */
export function mentionedProvider(text: string): string | undefined {
  const words = wordsOf(text);
  const candidates = [...words, ...words.slice(1).map((w, i) => `${words[i]}${w}`)];
  for (const { id, key } of KEYS) {
    if (candidates.some((c) => c === key || (key.length >= 6 && withinOneEdit(c, key)))) return id;
  }
  return undefined;
}

const namesProvider = (text: string): boolean => mentionedProvider(text) !== undefined;

/** The text's words (as written) without the provider names among them. */
export function withoutProviderNames(text: string): string {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1];
    // A pair ("Uber Eats", "Just Eat") goes together, unless only its second word is a name ("la Glovo").
    if (next !== undefined && namesProvider(`${word}${next}`) && (namesProvider(word) || !namesProvider(next))) i++;
    else if (!namesProvider(word)) kept.push(word);
  }
  return kept.join(' ');
}

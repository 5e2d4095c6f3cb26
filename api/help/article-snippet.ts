// A short extract of an article around the sentence that best matches the question.
import type { Locale } from '../../core/providers/index.js';
import { termsOf } from './search-terms.js';

const MAX = 180;

const plain = (markdown: string): string[] =>
  markdown
    .split('\n')
    .map((line) => line.replace(/^\s*\d+\.\s+/, '').replace(/[*_`#>]/g, '').trim())
    .filter((line) => line.length > 0)
    .flatMap((line) => line.split(/(?<=[.!?])\s+/));

export function snippetOf(body: string, query: string, locale: Locale): string {
  const wanted = new Set(termsOf(query, locale));
  const sentences = plain(body);
  let best = sentences[0] ?? '';
  let bestScore = -1;
  for (const sentence of sentences) {
    const score = termsOf(sentence, locale).filter((t) => wanted.has(t)).length;
    if (score > bestScore) [best, bestScore] = [sentence, score];
  }
  if (best.length <= MAX) return best;
  // Cut at the last space (not a regex: `\s+\S*$` backtracks on long runs of spaces).
  const cut = best.slice(0, MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

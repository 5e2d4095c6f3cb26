// Typo tolerance: two words one edit apart. The distance is Orama's bounded Levenshtein (the
// search library we keep); a swap of two neighbouring letters ("chnaged") also counts as one
// edit, as merchants type it, which plain Levenshtein counts as two.
import { boundedLevenshtein } from '@orama/orama/internals';

const swapped = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
};

export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  return boundedLevenshtein(a, b, 1).isBounded || swapped(a, b);
}

// Typo repair for questions: a word the articles never use is replaced by an article word one
// edit away. Done here rather than with Orama's tolerance, which on short stems ("ped", "pid")
// matches far too much. The first letter is kept: merchants rarely mistype it, and a real word
// of the language one letter from an article word ("ontem" → "contem") must not become it.
import { withinOneEdit } from './edit-distance.js';

const MIN_LENGTH = 5;

export function vocabularyOf(texts: readonly string[], wordsOf: (text: string) => string[]): Set<string> {
  return new Set(texts.flatMap(wordsOf));
}

export function fixSpelling(words: readonly string[], vocabulary: ReadonlySet<string>, known: (word: string) => boolean = () => false): string[] {
  return words.map((word) => {
    if (word.length < MIN_LENGTH || vocabulary.has(word) || known(word)) return word;
    for (const known of vocabulary) if (known.length >= MIN_LENGTH - 1 && known[0] === word[0] && withinOneEdit(word, known)) return known;
    return word;
  });
}

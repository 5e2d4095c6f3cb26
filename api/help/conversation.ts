// Follow-ups keep their context: "and on Deliveroo?" after a question about an Uber Eats code asks
// the same question about Deliveroo. The engine answers one self-contained question; this module
// writes that question from the new words and the previous turn, before the engine sees it.
import { findProvider } from '../../core/providers/index.js';
import { mentionedProvider, withoutProviderNames } from './provider-mention.js';
import { wordsOf } from './search-terms.js';

/** What a follow-up needs from the turn before it. */
export interface PreviousTurn {
  /** The self-contained question the engine answered last time. */
  asked: string;
  locale: string;
}

export interface ContextualQuestion {
  /** The question for the engine: the merchant's own, or the previous topic with the new words. */
  asked: string;
  /** True when the question only made sense with the previous turn. */
  followUp: boolean;
}

// Words that only link a follow-up to what came before ("and", "what about", "on", "y en", "et
// pour", "e su", "e no"), accent-folded. Kept here, not in the search's stop words: they decide
// whether a question stands alone, not how it ranks.
const LINKING_WORDS = new Set(
  [
    'and what about how on in at for with also too then same thing one the my our',
    'y que tal como en con para tambien igual lo mismo el la mi nuestro',
    'et quoi pour sur avec aussi meme chose le la mon ma notre',
    'e che dire come su in con per anche stesso cosa il lo la mio mia nostro',
    'e que tal como em no na com para tambem mesmo coisa o a meu minha nosso',
  ]
    .join(' ')
    .split(' '),
);

/** Opening words that announce a follow-up ("and…", "y…", "et…", "e…", "what about…"). */
const OPENERS = new Set(['and', 'y', 'et', 'e', 'what', 'how', 'que', 'quid', 'also', 'tambien', 'aussi', 'anche', 'tambem']);

/** At most this many words of its own, and a question is still read as a follow-up. */
const MAX_NEW_WORDS = 2;

/**
 * The question the engine should answer. A short question that names another provider asks the
 * previous question about that provider; a short one opening with "and…" adds its words to the
 * previous topic. Anything longer stands on its own.
 */
export function inContext(question: string, previous: PreviousTurn | undefined): ContextualQuestion {
  if (!previous) return { asked: question, followUp: false };
  const own = wordsOf(withoutProviderNames(question)).filter((w) => !LINKING_WORDS.has(w));
  if (own.length > MAX_NEW_WORDS) return { asked: question, followUp: false };
  const provider = mentionedProvider(question);
  const opener = OPENERS.has(wordsOf(question)[0] ?? '');
  if (provider) {
    const name = findProvider(provider)?.name ?? provider;
    return { asked: [withoutProviderNames(previous.asked), ...own, name].join(' '), followUp: true };
  }
  if (opener && own.length > 0) return { asked: [previous.asked, ...own].join(' '), followUp: true };
  return { asked: question, followUp: false };
}

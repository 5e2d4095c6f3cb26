// The language to answer in when the merchant's locale is not given. tinyld and the stop words
// can hesitate on short or mixed questions ("a Glovo diz que a loja está inativa" reads as
// Spanish); between its two likeliest languages, the one whose articles know more of the
// question's words wins.
import type { Locale } from '../../core/providers/index.js';
import { rankLanguages } from './language-detector.js';
import { withoutProviderNames } from './provider-mention.js';
import { vocabularyFit } from './term-weights.js';

const FALLBACK: Locale = 'en';
/** Only a near tie is settled by the articles' words; a clear detection stands. */
const NEAR_TIE = 0.7;

export function questionLanguage(question: string, given?: Locale): Locale {
  if (given) return given;
  const [first, second] = rankLanguages(question);
  if (!first) return FALLBACK;
  if (!second || second.score < NEAR_TIE * first.score) return first.locale;
  const plain = withoutProviderNames(question);
  return vocabularyFit(plain, second.locale) > vocabularyFit(plain, first.locale) ? second.locale : first.locale;
}

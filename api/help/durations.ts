// "For an hour", "há uma hora", "da un'ora": how long something has been wrong, not a question
// about opening or support hours. The hour word is what the support-hours and opening-hours
// articles are about, so "the site has not opened for an hour" read as support hours. A span of
// hours, minutes, days, weeks or months after a word saying "for" or "since", or before "ago"
// ("two weeks ago": "two" is the two-factor article's), is dropped before searching; a time of
// day ("a que hora", "à quelle heure") is kept.
import type { Locale } from '../../core/providers/index.js';
import { wordsOf } from './search-terms.js';

const UNITS = '(?:hours?|horas?|heures?|ora|ore|minutes?|minutos?|minuti|mins?|days?|dias?|jours?|giorn[oi]|weeks?|semanas?|semaines?|settiman[ae]|months?|meses|mois|mes[ei])';
const SPAN: Readonly<Record<Locale, RegExp>> = {
  en: new RegExp(`\\b(?:for|since|about|over)(?: (?:an?|one|two|three|a few|several|\\d+))? ${UNITS}\\b|\\b(?:an?|one|two|three|a few|several|\\d+) ${UNITS} ago\\b`, 'g'),
  es: new RegExp(`\\b(?:hace|desde hace|llevo|lleva|llevamos|durante)(?: (?:una?|unas|unos|dos|tres|media|\\d+))? ${UNITS}\\b`, 'g'),
  fr: new RegExp(`\\b(?:depuis|pendant|fait|y a)(?: (?:une?|deux|trois|quelques|\\d+))? ${UNITS}\\b`, 'g'),
  it: new RegExp(`\\b(?:da|per|tipo)(?: (?:una?|due|tre|qualche|mezz|\\d+))? ${UNITS}\\b|\\b(?:una?|due|tre|qualche|\\d+) ${UNITS} fa\\b`, 'g'),
  pt: new RegExp(`\\b(?:ha|faz|desde ha|durante|por)(?: (?:uma?|duas|dois|tres|meia|\\d+))? ${UNITS}\\b`, 'g'),
};

/** The question's words without spans of time. */
export const withoutDurations = (text: string, locale: Locale): string => wordsOf(text).join(' ').replace(SPAN[locale], ' ');

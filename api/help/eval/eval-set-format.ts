// What makes a question set usable: the right shape, enough questions in every locale, and
// expected slugs that name real articles in the question's own locale. The runner prints these
// problems; the test asserts them (for the held-out set too, whose scores it only reports).
import { LOCALES, type Locale } from '../../../core/providers/index.js';
import { getArticle } from '../article-library.js';
import type { EvalQuestion } from './evaluate-assistant.js';

const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

function problemOf(entry: unknown, index: number): string | undefined {
  const q = entry as Partial<Record<keyof EvalQuestion, unknown>> | null;
  if (typeof q !== 'object' || q === null) return `#${index}: not an object`;
  if (!isLocale(q.locale)) return `#${index}: locale ${JSON.stringify(q.locale)} is not one of ${LOCALES.join(', ')}`;
  if (typeof q.question !== 'string' || q.question.trim() === '') return `#${index}: question missing`;
  if (typeof q.expected !== 'string') return `#${index}: expected missing`;
  if (getArticle(q.expected, q.locale)?.locale !== q.locale) return `#${index}: no ${q.locale} article "${q.expected}"`;
  return undefined;
}

/** Every problem of a set, empty when it is usable. */
export function questionSetProblems(questions: unknown, minPerLocale: number): string[] {
  if (!Array.isArray(questions)) return ['not a list of questions'];
  const problems = questions.flatMap((q, i) => problemOf(q, i) ?? []);
  for (const locale of LOCALES) {
    const count = questions.filter((q) => (q as Partial<EvalQuestion> | null)?.locale === locale).length;
    if (count < minPerLocale) problems.push(`${locale}: ${count} questions, at least ${minPerLocale} needed`);
  }
  return problems;
}

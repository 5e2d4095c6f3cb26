// Measures the assistant on a question set, per locale: is the article it answers with the
// expected one (top-1), and is the expected one among the first three it ranks (top-3)?
// Shared by `npm run eval:assistant` and the test that holds the bar on the tuning set.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES, type Locale } from '../../../core/providers/index.js';
import { offlineAnswerEngine, rankArticles } from '../offline-answer-engine.js';

/** Held on the tuning sets' union per locale; on the held-out set it is the goal, reported only. */
export const BAR = { top1: 0.9, top3: 0.95 } as const;

/**
 * `tuning` to `tuning-f`: the questions the engine is tuned on, written by six people
 * (`tuning-b`, `tuning-d` and `tuning-f` were first measured as they arrived, before any change for them;
 * `tuning-c` and `tuning-e` are the first two held-out sets, each retired to tuning after it had
 * been measured twice). `held-out`:
 * written by someone else and never read while tuning, so its score says how the engine does on
 * questions nobody tuned it for.
 */
export const EVAL_SETS = { tuning: 'tuning.json', 'tuning-b': 'tuning-b.json', 'tuning-c': 'tuning-c.json', 'tuning-d': 'tuning-d.json', 'tuning-e': 'tuning-e.json', 'tuning-f': 'tuning-f.json', 'held-out': 'held-out.json' } as const;
export type EvalSetName = keyof typeof EVAL_SETS;
/** The sets that together form the tuning set. */
export const TUNING_SETS = ['tuning', 'tuning-b', 'tuning-c', 'tuning-d', 'tuning-e', 'tuning-f'] as const satisfies readonly EvalSetName[];

export interface EvalQuestion {
  locale: Locale;
  question: string;
  expected: string;
}

export interface EvalMiss extends EvalQuestion {
  detectedLocale: Locale;
  answered: string | null;
  got: string[];
}

export interface EvalScore {
  total: number;
  top1: number;
  top3: number;
  /** Share whose expected article the search ranks first, answered or not (top-1 minus refusals). */
  rankedFirst: number;
  /** Share the assistant answers at all (rather than only offering a ticket). */
  answered: number;
  /** Share whose language the detector got right (the eval asks without a locale). */
  languageDetected: number;
}

export interface EvalReport extends EvalScore {
  byLocale: Record<Locale, EvalScore>;
  misses: EvalMiss[];
  /** Every locale at or above the bar. */
  passes: boolean;
}

export const evalSetPath = (name: EvalSetName): string => join(dirname(fileURLToPath(import.meta.url)), EVAL_SETS[name]);

/** The set's questions, or undefined when its file is absent (the held-out set may be). */
export function loadQuestionSet(name: EvalSetName): EvalQuestion[] | undefined {
  const path = evalSetPath(name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as EvalQuestion[]) : undefined;
}

/** The tuning set: the union of the tuning files that are there. */
export const loadQuestions = (): EvalQuestion[] => TUNING_SETS.flatMap((name) => loadQuestionSet(name) ?? []);

interface Outcome {
  question: EvalQuestion;
  detectedLocale: Locale;
  answered: string | null;
  got: string[];
}

async function ask(question: EvalQuestion): Promise<Outcome> {
  // No locale given: finding the merchant's language is part of what is evaluated.
  const ranked = await rankArticles({ question: question.question });
  const answer = await offlineAnswerEngine.answer({ question: question.question });
  return { question, detectedLocale: ranked.locale, answered: answer.answered ? (answer.article?.slug ?? null) : null, got: ranked.slugs.slice(0, 3) };
}

function scoreOf(outcomes: readonly Outcome[]): EvalScore {
  const total = outcomes.length;
  const share = (pass: (o: Outcome) => boolean) => (total === 0 ? 0 : outcomes.filter(pass).length / total);
  return {
    total,
    // Top-1 is what the merchant sees: an answer, and the right one; a right guess behind "I don't know" does not count.
    top1: share((o) => o.answered === o.question.expected),
    top3: share((o) => o.got.includes(o.question.expected)),
    rankedFirst: share((o) => o.got[0] === o.question.expected),
    answered: share((o) => o.answered !== null),
    languageDetected: share((o) => o.detectedLocale === o.question.locale),
  };
}

const meetsBar = (score: EvalScore): boolean => score.top1 >= BAR.top1 && score.top3 >= BAR.top3;

export async function evaluateAssistant(questions: EvalQuestion[] = loadQuestions()): Promise<EvalReport> {
  const outcomes: Outcome[] = [];
  for (const question of questions) outcomes.push(await ask(question));
  const byLocale = Object.fromEntries(LOCALES.map((locale) => [locale, scoreOf(outcomes.filter((o) => o.question.locale === locale))])) as Record<Locale, EvalScore>;
  const misses = outcomes
    .filter((o) => o.answered !== o.question.expected || !o.got.includes(o.question.expected))
    .map((o) => ({ ...o.question, detectedLocale: o.detectedLocale, answered: o.answered, got: o.got }));
  return { ...scoreOf(outcomes), byLocale, misses, passes: LOCALES.every((locale) => meetsBar(byLocale[locale])) };
}

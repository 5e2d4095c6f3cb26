// Measures the assistant on the question set: is the expected article first, or in the top three?
// Shared by the eval script and the test that holds the bar.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../../../core/providers/index.js';
import { offlineAnswerEngine, rankArticles } from '../offline-answer-engine.js';

export const BAR = { top1: 0.8, top3: 0.95 } as const;

export interface EvalQuestion {
  locale: Locale;
  question: string;
  expected: string;
}

export interface EvalMiss extends EvalQuestion {
  detectedLocale: Locale;
  got: string[];
}

export interface EvalReport {
  total: number;
  top1: number;
  top3: number;
  /** Questions the assistant answers (rather than offering a ticket only). */
  answered: number;
  /** Questions whose language the detector got right (the eval asks without a locale). */
  languageDetected: number;
  misses: EvalMiss[];
  passes: boolean;
}

export const loadQuestions = (): EvalQuestion[] =>
  JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'questions.json'), 'utf8')) as EvalQuestion[];

export async function evaluateAssistant(questions: EvalQuestion[] = loadQuestions()): Promise<EvalReport> {
  let top1 = 0;
  let top3 = 0;
  let languageDetected = 0;
  let answered = 0;
  const misses: EvalMiss[] = [];
  for (const q of questions) {
    // No locale given: the merchant's language is part of what is evaluated.
    const ranked = await rankArticles({ question: q.question });
    const got = ranked.slugs.slice(0, 3);
    if (ranked.locale === q.locale) languageDetected++;
    if ((await offlineAnswerEngine.answer({ question: q.question })).answered) answered++;
    if (got[0] === q.expected) top1++;
    if (got.includes(q.expected)) top3++;
    else misses.push({ ...q, detectedLocale: ranked.locale, got });
    if (got[0] !== q.expected && got.includes(q.expected)) misses.push({ ...q, detectedLocale: ranked.locale, got });
  }
  const total = questions.length;
  const report = { total, top1: top1 / total, top3: top3 / total, answered: answered / total, languageDetected: languageDetected / total, misses };
  return { ...report, passes: report.top1 >= BAR.top1 && report.top3 >= BAR.top3 };
}

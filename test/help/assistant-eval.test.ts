import { describe, expect, it } from 'vitest';
import { BAR, evaluateAssistant, loadQuestions } from '../../api/help/eval/evaluate-assistant.js';
import { getArticle } from '../../api/help/article-library.js';
import { LOCALES } from '../../core/providers/index.js';

describe('assistant evaluation set', () => {
  it('has at least 60 questions, 10 per language, each pointing at a real article', () => {
    const questions = loadQuestions();
    expect(questions.length).toBeGreaterThanOrEqual(60);
    for (const locale of LOCALES) expect(questions.filter((q) => q.locale === locale).length, locale).toBeGreaterThanOrEqual(10);
    for (const q of questions) expect(getArticle(q.expected, q.locale)?.locale, q.expected).toBe(q.locale);
  });

  it('meets the bar: top-1 ≥ 80 %, top-3 ≥ 95 %', async () => {
    const report = await evaluateAssistant();
    expect(report.top1).toBeGreaterThanOrEqual(BAR.top1);
    expect(report.top3).toBeGreaterThanOrEqual(BAR.top3);
    // The set is made of answerable questions: refusing most of them would be a regression too.
    expect(report.answered).toBeGreaterThanOrEqual(0.85);
  });
});

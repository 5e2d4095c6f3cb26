import { describe, expect, it } from 'vitest';
import { questionSetProblems } from '../../api/help/eval/eval-set-format.js';
import { BAR, evaluateAssistant, loadQuestionSet, loadQuestions } from '../../api/help/eval/evaluate-assistant.js';
import { LOCALES } from '../../core/providers/index.js';

// The tuning set is the union of tuning.json to tuning-f.json (written by six people;
// tuning-c.json and tuning-e.json are the first two held-out sets, each retired after two
// measurements); it holds
// the bar. The held-out set (written by someone else, never used to tune) is checked for its
// format and its score is reported, not asserted, so nobody tunes to it.
describe('assistant evaluation', () => {
  it('tuning.json has at least 24 questions per language, tuning-b.json 12, tuning-c.json 10, tuning-d.json 20, tuning-e.json 30 and tuning-f.json 30, each pointing at a real article', () => {
    const tuning = loadQuestionSet('tuning');
    expect(questionSetProblems(tuning, 24)).toEqual([]);
    expect(tuning?.length).toBeGreaterThanOrEqual(120);
    const tuningB = loadQuestionSet('tuning-b');
    expect(questionSetProblems(tuningB, 12)).toEqual([]);
    expect(tuningB?.length).toBeGreaterThanOrEqual(60);
    expect(questionSetProblems(loadQuestionSet('tuning-c'), 10)).toEqual([]);
    expect(questionSetProblems(loadQuestionSet('tuning-d'), 20)).toEqual([]);
    expect(questionSetProblems(loadQuestionSet('tuning-e'), 30)).toEqual([]);
    expect(questionSetProblems(loadQuestionSet('tuning-f'), 30)).toEqual([]);
  });

  it('meets the bar on the tuning set (all five files) in every language: top-1 ≥ 90 %, top-3 ≥ 95 %', async () => {
    const report = await evaluateAssistant(loadQuestions());
    for (const locale of LOCALES) {
      const score = report.byLocale[locale];
      expect(score.top1, `${locale} top-1`).toBeGreaterThanOrEqual(BAR.top1);
      expect(score.top3, `${locale} top-3`).toBeGreaterThanOrEqual(BAR.top3);
    }
  });

  it('stays at the bar on tuning.json alone in every language', async () => {
    const report = await evaluateAssistant(loadQuestionSet('tuning'));
    for (const locale of LOCALES) expect(report.byLocale[locale].top1, `${locale} top-1`).toBeGreaterThanOrEqual(BAR.top1);
  });

  const heldOut = loadQuestionSet('held-out');
  it(`the held-out set, when present, is well formed and reported (${heldOut ? 'present' : 'absent'})`, async () => {
    if (!heldOut) {
      console.info('held-out.json is absent: no held-out score');
      return;
    }
    expect(questionSetProblems(heldOut, 10)).toEqual([]);
    expect(loadQuestions().length + heldOut.length).toBeGreaterThanOrEqual(150);
    const report = await evaluateAssistant(heldOut);
    const rows = LOCALES.map((l) => `${l} top-1 ${(report.byLocale[l].top1 * 100).toFixed(1)} % top-3 ${(report.byLocale[l].top3 * 100).toFixed(1)} %`);
    console.info(`held-out (${heldOut.length} questions, goal top-1 ≥ 90 %): ${rows.join('; ')}`);
  });
});

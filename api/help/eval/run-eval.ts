// `npm run eval:assistant`: prints the assistant's accuracy on the question set and fails below the bar.
import { BAR, evaluateAssistant } from './evaluate-assistant.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

const report = await evaluateAssistant();
console.log(`questions:          ${report.total}`);
console.log(`top-1 accuracy:     ${pct(report.top1)} (bar ${pct(BAR.top1)})`);
console.log(`top-3 accuracy:     ${pct(report.top3)} (bar ${pct(BAR.top3)})`);
console.log(`answered:           ${pct(report.answered)}`);
console.log(`language detected:  ${pct(report.languageDetected)}`);
for (const miss of report.misses) {
  console.log(`  miss [${miss.locale}→${miss.detectedLocale}] "${miss.question}" expected ${miss.expected}, got ${miss.got.join(', ') || 'nothing'}`);
}
console.log(report.passes ? 'PASS' : 'FAIL: below the bar');
process.exitCode = report.passes ? 0 : 1;

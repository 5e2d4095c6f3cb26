// Closes every run with one plain line, `tests: N passed, N failed, N skipped`, the form that
// tools reading a run's last lines understand whatever the runner (vitest's own summary is
// coloured and laid out in columns). It counts test cases, not files. The same line is kept in
// test-output/summary.txt, so CI can print it again after everything the run's teardown logs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reporter, TestModule } from 'vitest/node';

const SUMMARY_FILE = join(fileURLToPath(new URL('../../', import.meta.url)), 'test-output', 'summary.txt');

export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      // A file that could not even load counts as a failure: it ran none of its tests.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed += 1;
    }
    failed += unhandledErrors.length;
    const line = `tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`;
    mkdirSync(join(SUMMARY_FILE, '..'), { recursive: true });
    writeFileSync(SUMMARY_FILE, line);
    process.stdout.write(line);
  }
}

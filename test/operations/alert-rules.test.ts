// The alert rules operators deploy are valid and fire when they should: promtool's own unit tests
// (docs/operations/alert-rules.test.yml). promtool missing fails here with the command to install it.
import { expect, it } from 'vitest';
import { ALERT_RULES_FILE, ALERT_RULES_TEST_FILE, OPERATIONS_DIR } from '../helpers/operations-files.js';
import { promtool } from '../helpers/promtool.js';

it('are valid rules', () => {
  const check = promtool(['check', 'rules', ALERT_RULES_FILE]);
  expect(check.output).toContain('SUCCESS: 5 rules found');
  expect(check.status).toBe(0);
});

it('fire on the series that should wake someone and stay quiet on the others (promtool test rules)', () => {
  const run = promtool(['test', 'rules', ALERT_RULES_TEST_FILE], OPERATIONS_DIR);
  expect(run.output).toContain('SUCCESS');
  expect(run.status, run.output).toBe(0);
});

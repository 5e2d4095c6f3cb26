// promtool from Debian's prometheus package: `npm install` brings it where it can (dev/prometheus.ts).
// Missing, the test that needs it fails with the one command that installs it; it is never skipped.
import { spawnSync } from 'node:child_process';
import { findDebianTool, missingMessage } from '../../dev/debian-package.js';
import { PROMTOOL } from '../../dev/operations-tools.js';

export function promtool(args: string[], cwd?: string): { status: number | null; output: string } {
  const executable = findDebianTool(PROMTOOL);
  if (!executable) throw new Error(missingMessage(PROMTOOL));
  const run = spawnSync(executable, args, { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

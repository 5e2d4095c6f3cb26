// What on-call work needs from Debian: Prometheus (the server for `npm run dev`'s graphs, promtool for
// the alert rule tests) and jq and curl (the runbook's commands, which its test runs). `npm install`
// brings them when missing and the machine lets us (dev/debian-package.ts). Prometheus comes without
// its recommended node exporter, which would listen on 9100 (the printer sink's port).
import { ensureDebianTool, type DebianTool } from './debian-package.js';

const prometheus = { pkg: 'prometheus', withRecommends: false } as const;
export const PROMETHEUS: DebianTool = { ...prometheus, defaultPath: '/usr/bin/prometheus', envVar: 'PROMETHEUS_PATH', neededBy: 'the graphs of `npm run dev`' };
export const PROMTOOL: DebianTool = { ...prometheus, defaultPath: '/usr/bin/promtool', envVar: 'PROMTOOL_PATH', neededBy: 'the alert rule tests' };
export const JQ: DebianTool = { pkg: 'jq', defaultPath: '/usr/bin/jq', envVar: 'JQ_PATH', neededBy: 'the runbook test' };
export const CURL: DebianTool = { pkg: 'curl', defaultPath: '/usr/bin/curl', envVar: 'CURL_PATH', neededBy: 'the runbook test' };

/** Installs what is missing (one package brings both Prometheus tools); the paths found, null for each one missing. */
export const ensureOperationsTools = (): (string | null)[] => [PROMTOOL, JQ, CURL].map(ensureDebianTool);

// Debian's Prometheus: `promtool test rules` checks the alert rules in the test suite, and
// `npm run dev` runs the server on the API's and the worker's metrics. `npm install` brings the
// package when it is missing and the machine lets us (dev/debian-package.ts), without its
// recommended node exporter, which would listen on 9100 (the printer sink's port).
import { ensureDebianTool, type DebianTool } from './debian-package.js';

const common = { pkg: 'prometheus', withRecommends: false } as const;
export const PROMETHEUS: DebianTool = { ...common, defaultPath: '/usr/bin/prometheus', envVar: 'PROMETHEUS_PATH', neededBy: 'the graphs of `npm run dev`' };
export const PROMTOOL: DebianTool = { ...common, defaultPath: '/usr/bin/promtool', envVar: 'PROMTOOL_PATH', neededBy: 'the alert rule tests' };

/** Installs the package when promtool is missing (one package brings both). */
export const ensurePrometheus = (): string | null => ensureDebianTool(PROMTOOL);

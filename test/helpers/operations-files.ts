// The operators' files (docs/operations/): the Grafana dashboard and the Prometheus alert rules, and
// the PromQL expressions in them.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ALERT_RULES_FILE } from '../../dev/prometheus-server.js';

export { ALERT_RULES_FILE };
export const OPERATIONS_DIR = dirname(ALERT_RULES_FILE);
export const DASHBOARD_FILE = join(OPERATIONS_DIR, 'grafana-dashboard.json');
export const ALERT_RULES_TEST_FILE = join(OPERATIONS_DIR, 'alert-rules.test.yml');

export interface Dashboard {
  uid: string;
  title: string;
  panels: { id: number; type: string; title: string; targets?: { expr: string; refId: string }[] }[];
  templating: { list: { name: string; type: string; query?: string | { query: string } }[] };
}

export const readDashboard = (): Dashboard => JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8')) as Dashboard;

/** Every `expr` anywhere in the dashboard (panel targets, rows' nested panels). */
export function dashboardExprs(dashboard: unknown = readDashboard()): string[] {
  if (Array.isArray(dashboard)) return dashboard.flatMap((item) => dashboardExprs(item));
  if (dashboard === null || typeof dashboard !== 'object') return [];
  return Object.entries(dashboard).flatMap(([key, value]) => (key === 'expr' && typeof value === 'string' ? [value] : dashboardExprs(value)));
}

/** The metrics the dashboard's variables read: `label_values(metric, label)`. */
export function variableMetrics(dashboard: Dashboard = readDashboard()): string[] {
  return dashboard.templating.list.flatMap((v) => {
    const query = typeof v.query === 'object' ? v.query.query : (v.query ?? '');
    const metric = /^label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*,/.exec(query)?.[1];
    return metric ? [metric] : [];
  });
}

/** Every `expr:` of the rules file: one line, or a `|` / `>` block of deeper-indented lines. */
export function ruleExprs(yaml: string = readFileSync(ALERT_RULES_FILE, 'utf8')): string[] {
  const lines = yaml.split('\n');
  const exprs: string[] = [];
  lines.forEach((line, i) => {
    const match = /^(\s*)expr:\s*(.*)$/.exec(line);
    if (!match) return;
    const [, indent, value] = match as unknown as [string, string, string];
    if (!/^[|>][-+]?$/.test(value.trim())) return void exprs.push(value.trim().replace(/^'(.*)'$/, '$1'));
    const block: string[] = [];
    for (const next of lines.slice(i + 1)) {
      if (next.trim() !== '' && next.search(/\S/) <= indent.length) break;
      block.push(next.trim());
    }
    exprs.push(block.join(' ').trim());
  });
  return exprs;
}

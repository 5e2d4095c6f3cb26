// The Grafana dashboard and the alert rules read only metrics the processes export (the list the
// live scrape checks: test/operations/exported-metrics.test.ts), and every dashboard query parses.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_EXPORTED_METRICS } from '../helpers/exported-metrics.js';
import { dashboardExprs, readDashboard, ruleExprs, variableMetrics } from '../helpers/operations-files.js';
import { promtool } from '../helpers/promtool.js';
import { metricNames, withoutGrafanaVariables } from '../helpers/promql-names.js';

describe('metricNames', () => {
  it.each([
    ['sum by (provider) (max by (provider, state) (repair_open_repairs{provider=~"$provider"}))', ['repair_open_repairs']],
    ['histogram_quantile(0.95, sum by (le) (rate(repair_time_to_repair_seconds_bucket[1h])))', ['repair_time_to_repair_seconds']],
    ['sum(rate(a_total{status="failed"}[15m])) / sum(rate(a_total[15m])) > 0.1', ['a_total']],
    ['delta(sum by (provider) (x)[15m:1m]) > 25 and on (provider) y offset 5m', ['x', 'y']],
    ['sum(increase(c_count[24h])) * 1e3', ['c']],
  ])('%s', (expr, names) => expect(metricNames(expr).sort()).toEqual(names));
});

describe('the dashboard and the alert rules', () => {
  const dashboard = readDashboard();
  const exprs = { dashboard: dashboardExprs(dashboard), rules: ruleExprs() };

  it('hold the panels on-call reads first', () => {
    expect(dashboard.uid).toBe('repair-on-call');
    const titles = dashboard.panels.map((p) => p.title);
    for (const title of ['Open repairs by provider', 'Repairs opened vs resolved per minute', 'Time to repair (p50, p95)', 'Alerts per minute by channel and status', 'SMS segments per hour', 'Webhook deliveries not delivered (per minute)', 'Degraded providers', 'Ticket SLA breaches (24 h)']) {
      expect(titles).toContain(title);
    }
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    expect(exprs.dashboard.length).toBeGreaterThanOrEqual(12);
    expect(exprs.rules).toHaveLength(5);
  });

  it('name only metrics the processes export', () => {
    const named = [...exprs.dashboard, ...exprs.rules].flatMap((expr) => metricNames(expr).map((name) => ({ name, expr })));
    const unknown = [...named, ...variableMetrics(dashboard).map((name) => ({ name, expr: 'a variable' }))].filter((n) => !ALL_EXPORTED_METRICS.includes(n.name));
    expect(unknown).toEqual([]);
    // And every exported family is read somewhere: a metric nobody graphs is a metric nobody reads.
    expect(ALL_EXPORTED_METRICS.filter((name) => !named.some((n) => n.name === name))).toEqual([]);
  });

  it('are valid PromQL (promtool checks each dashboard query as a recording rule)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'repair-dashboard-'));
    try {
      const rules = exprs.dashboard.map((expr, i) => `      - record: dashboard:query_${i}\n        expr: ${JSON.stringify(withoutGrafanaVariables(expr))}`);
      await writeFile(join(dir, 'dashboard.rules.yml'), `groups:\n  - name: dashboard\n    rules:\n${rules.join('\n')}\n`);
      const check = promtool(['check', 'rules', join(dir, 'dashboard.rules.yml')]);
      expect(check.output).toContain(`SUCCESS: ${exprs.dashboard.length} rules found`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// Which metrics a PromQL expression reads: enough of the language for dashboards and alert rules
// (selectors, functions, aggregations with by/without, binary operators with on/ignoring/group_*).
const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'atan2', 'inf', 'nan']);
const HISTOGRAM_SERIES = /_(bucket|sum|count)$/;

/** Grafana's variables, replaced by values that keep the expression valid PromQL. */
export function withoutGrafanaVariables(expr: string): string {
  return expr.replaceAll('$__rate_interval', '5m').replaceAll('$__interval', '1m').replaceAll('$__range', '1h').replace(/\$\{?(\w+)\}?/g, '.*');
}

/** Metric names in `expr`; a histogram's _bucket/_sum/_count series count as the histogram. */
export function metricNames(expr: string): string[] {
  const stripped = withoutGrafanaVariables(expr)
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""') // strings (label values, regexes)
    .replace(/#[^\n]*/g, '') // comments
    .replace(/\{[^}]*\}/g, ' ') // label matchers
    .replace(/\[[^\]]*\]/g, ' ') // ranges and subqueries
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' '); // label lists
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const word = match[0];
    const rest = stripped.slice(match.index + word.length);
    if (KEYWORDS.has(word.toLowerCase()) || /^\s*\(/.test(rest)) continue; // operators, functions, aggregations
    if (/^\d/.test(stripped.slice(match.index - 1, match.index))) continue; // a duration's or number's unit: 5m, 1e3
    names.add(word.replace(HISTOGRAM_SERIES, ''));
  }
  return [...names];
}

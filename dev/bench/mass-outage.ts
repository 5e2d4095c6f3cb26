// Mass outage: every connection of an org set reported broken at once. The ingest rate is compared
// with starting as many empty workflows straight through @temporalio/client on the same server.
import type { BenchLane } from './bench-lane.js';
import { inPool, timeUntil } from './bench-pool.js';
import { recordedCount, reportAll, REPORT_CONCURRENCY } from './report-all.js';
import type { SeededConnection } from './seed-merchants.js';

export interface MassOutageResult {
  stores: number;
  connections: number;
  orgs: number;
  alertWindowMs: number;
  baselineStartsPerSecond: number;
  /** The time to start as many empty workflows in this run: the yardstick of the ratios below. */
  baselineDrainMs: number;
  reportsAcceptedPerSecond: number;
  ingestRatio: number;
  allRecordedAfterMs: number;
  /** allRecordedAfterMs / baselineDrainMs (goal: at most 1.5). */
  allRecordedRatio: number;
  groupedAlertsSentAfterMs: number;
  /** (groupedAlertsSentAfterMs - alertWindowMs) / baselineDrainMs (goal: at most 1.5). */
  groupedAlertsRatio: number;
  alertEmails: number;
  alertEmailsPerOrg: number;
  /** The most alert e-mails one organization got within one alert window: 1 means grouped. */
  maxAlertEmailsPerOrgAndWindow: number;
  sms: number;
}

/** The time, in ms, to start `count` empty workflows. */
async function baselineDrainMs(stack: BenchLane, count: number): Promise<number> {
  const run = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const started = Date.now();
  // No worker polls this queue: only the server's cost of a start is measured.
  await inPool(Array.from({ length: count }, (_, i) => i), REPORT_CONCURRENCY, async (i) => {
    await stack.temporal.workflow.start('workerProbeWorkflow', { taskQueue: `baseline-${run}`, workflowId: `baseline-${run}-${i}`, args: [{ version: 1, sentAt: new Date().toISOString() }] });
  });
  return Date.now() - started;
}

export async function massOutage(stack: BenchLane, seeded: { orgIds: string[]; connections: SeededConnection[]; stores: number }, alertWindowMs: number): Promise<MassOutageResult> {
  const { orgIds, connections } = seeded;
  // The better of two runs (the first also warms the server up): the ratio is never flattered.
  const drainMs = Math.min(await baselineDrainMs(stack, connections.length), await baselineDrainMs(stack, connections.length));
  const baseline = connections.length / (drainMs / 1000);
  const started = Date.now();
  const sinceStart = () => Date.now() - started;
  const alertQuery = "from notifications where channel = 'email' and template like 'action_needed%' and status in ('sent', 'delivered') and org = any($1)";
  // Both are watched from the first report on, side by side: an alert that goes out before the last
  // opening is recorded counts when it goes out (watched one after the other, alerts read no earlier
  // than the last record: the figures before 2026-12-06's last run were bounded so).
  const recorded = timeUntil('every repair recorded', async () => (await recordedCount(stack, connections)) >= connections.length).then(sinceStart);
  const alerted = timeUntil('a grouped alert for every organization', async () => (await stack.db.query<{ n: number }>(`select count(distinct org)::int as n ${alertQuery}`, [orgIds])).rows[0]!.n >= orgIds.length).then(sinceStart);
  const accepted = await reportAll(stack, connections);
  const [allRecordedAfterMs, groupedAlertsSentAfterMs] = await Promise.all([recorded, alerted]);
  // Alerts still due (a second window's) settle before counting.
  await new Promise((resolve) => setTimeout(resolve, alertWindowMs + 2000));
  const emails = (await stack.db.query<{ org_id: string; created_at: Date }>(`select org as org_id, created_at ${alertQuery} order by org, created_at`, [orgIds])).rows;
  const sms = (await stack.db.query<{ n: number }>("select count(*)::int as n from notifications where channel = 'sms' and status in ('sent', 'delivered') and org = any($1)", [orgIds])).rows[0]!.n;
  return {
    stores: seeded.stores,
    connections: connections.length,
    orgs: orgIds.length,
    alertWindowMs,
    baselineStartsPerSecond: Math.round(baseline),
    baselineDrainMs: drainMs,
    reportsAcceptedPerSecond: Math.round(accepted),
    ingestRatio: Math.round((accepted / baseline) * 100) / 100,
    allRecordedAfterMs,
    allRecordedRatio: Math.round((allRecordedAfterMs / drainMs) * 100) / 100,
    groupedAlertsSentAfterMs,
    groupedAlertsRatio: Math.round(((groupedAlertsSentAfterMs - alertWindowMs) / drainMs) * 100) / 100,
    alertEmails: emails.length,
    alertEmailsPerOrg: Math.round((emails.length / orgIds.length) * 100) / 100,
    maxAlertEmailsPerOrgAndWindow: maxPerWindow(emails, alertWindowMs),
    sms,
  };
}

function maxPerWindow(emails: { org_id: string; created_at: Date }[], windowMs: number): number {
  let most = 0;
  for (let i = 0; i < emails.length; i += 1) {
    let inWindow = 0;
    for (let j = i; j < emails.length && emails[j]!.org_id === emails[i]!.org_id && emails[j]!.created_at.getTime() - emails[i]!.created_at.getTime() < windowMs; j += 1) inWindow += 1;
    most = Math.max(most, inWindow);
  }
  return most;
}

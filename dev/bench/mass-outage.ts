// Mass outage: every connection of an org set reported broken at once. The ingest rate is compared
// with starting as many empty workflows straight through @temporalio/client on the same server.
import type { BenchStack } from './bench-stack.js';
import { inPool, timeUntil } from './bench-pool.js';
import { recordedCount, reportAll, REPORT_CONCURRENCY } from './report-all.js';
import type { SeededConnection } from './seed-merchants.js';

export interface MassOutageResult {
  stores: number;
  connections: number;
  orgs: number;
  alertWindowMs: number;
  baselineStartsPerSecond: number;
  reportsAcceptedPerSecond: number;
  ingestRatio: number;
  allRecordedAfterMs: number;
  groupedAlertsSentAfterMs: number;
  alertEmails: number;
  alertEmailsPerOrg: number;
  /** The most alert e-mails one organization got within one alert window: 1 means grouped. */
  maxAlertEmailsPerOrgAndWindow: number;
  sms: number;
}

async function baselineStartsPerSecond(stack: BenchStack, count: number): Promise<number> {
  const run = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const started = Date.now();
  // No worker polls this queue: only the server's cost of a start is measured.
  await inPool(Array.from({ length: count }, (_, i) => i), REPORT_CONCURRENCY, async (i) => {
    await stack.temporal.workflow.start('workerProbeWorkflow', { taskQueue: `baseline-${run}`, workflowId: `baseline-${run}-${i}`, args: [{ version: 1, sentAt: new Date().toISOString() }] });
  });
  return count / ((Date.now() - started) / 1000);
}

export async function massOutage(stack: BenchStack, seeded: { orgIds: string[]; connections: SeededConnection[]; stores: number }, alertWindowMs: number): Promise<MassOutageResult> {
  const { orgIds, connections } = seeded;
  // The better of two runs (the first also warms the server up): the ratio is never flattered.
  const baseline = Math.max(await baselineStartsPerSecond(stack, connections.length), await baselineStartsPerSecond(stack, connections.length));
  const started = Date.now();
  const accepted = await reportAll(stack, connections);
  const sinceStart = () => Date.now() - started;
  await timeUntil('every repair recorded', async () => (await recordedCount(stack, connections)) >= connections.length);
  const allRecordedAfterMs = sinceStart();
  const alertQuery = "from notifications where channel = 'email' and template like 'action_needed%' and status in ('sent', 'delivered') and org = any($1)";
  await timeUntil('a grouped alert for every organization', async () => (await stack.db.query<{ n: number }>(`select count(distinct org)::int as n ${alertQuery}`, [orgIds])).rows[0]!.n >= orgIds.length);
  const groupedAlertsSentAfterMs = sinceStart();
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
    reportsAcceptedPerSecond: Math.round(accepted),
    ingestRatio: Math.round((accepted / baseline) * 100) / 100,
    allRecordedAfterMs,
    groupedAlertsSentAfterMs,
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

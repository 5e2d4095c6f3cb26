// Where a small merchant's alert waits during a flood: one organization's connections are reported
// at once, a one-store merchant's 2 s later, and its notifier's history is printed with each event's
// time from that report. `node --import tsx dev/bench/flood-timeline.ts [--connections 1000]`:
// one lane (fairness on), nothing written to bench/results. The events to read: the first workflow
// task (scheduled → started: the queue), the window's timer (started → fired: the server's timer
// queue), the collection and the delivery.
import { parseArgs } from 'node:util';
import proto from '@temporalio/proto';
import { ruleFor } from '../../core/providers/index.js';
import { orgNotifierWorkflowId } from '../../workflows/org-notifier/messages.js';
import { startBenchStack } from './bench-stack.js';
import { timeUntil } from './bench-pool.js';
import { recordedCount, reportAll } from './report-all.js';
import { seedFlood } from './small-merchant.js';

const { values } = parseArgs({ options: { connections: { type: 'string', default: '1000' } }, strict: true });
const connections = Number(values.connections);
if (!Number.isInteger(connections) || connections < 1) throw new Error('--connections takes a whole number');
const alertWindowMs = 10_000;

const stack = await startBenchStack({ alertWindowMs, workerEnv: { WORKER_MAX_CACHED_WORKFLOWS: '1000', WORKER_WORKFLOW_TASK_SLOTS: '4', WORKER_ACTIVITY_SLOTS: '16' } });
try {
  const seeded = await seedFlood(stack, 'timeline', connections);
  const floodStarted = Date.now();
  const flood = reportAll(stack, seeded.big);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const reported = Date.now();
  const small = seeded.small[0]!;
  const answer = await fetch(`${stack.api}/v1/disconnections`, { method: 'POST', headers: stack.headers, body: JSON.stringify({ connectionId: small.id, errorCode: ruleFor(small.provider, 'invalid_credentials')!.code }) });
  if (answer.status !== 202) throw new Error(`the small merchant's report: ${answer.status} ${await answer.text()}`);
  console.log(`small merchant's report answered after ${Date.now() - reported} ms`);
  await timeUntil('the small merchant\'s alert', async () =>
    (await stack.db.query<{ n: number }>("select count(*)::int as n from notifications where channel = 'email' and status in ('sent', 'delivered') and org = $1", [seeded.smallOrgId])).rows[0]!.n > 0,
  );
  console.log(`small merchant's e-mail sent after ${Date.now() - reported} ms (window ${alertWindowMs} ms)`);
  const rate = await flood;
  const all = [...seeded.big, ...seeded.small];
  await timeUntil('every repair recorded', async () => (await recordedCount(stack, all)) >= all.length);
  console.log(`flood: ${Math.round(rate)} reports/s accepted, every repair recorded ${Date.now() - floodStarted} ms after the first report`);
  const history = await stack.temporal.workflow.getHandle(orgNotifierWorkflowId(seeded.smallOrgId)).fetchHistory();
  for (const e of history.events ?? []) {
    const at = Number(e.eventTime!.seconds) * 1000 + Math.round((e.eventTime!.nanos ?? 0) / 1e6);
    const activity = e.activityTaskScheduledEventAttributes?.activityType?.name ?? '';
    console.log(`${String(at - reported).padStart(8)} ms  ${proto.temporal.api.enums.v1.EventType[e.eventType ?? 0]?.replace('EVENT_TYPE_', '') ?? e.eventType} ${activity}`);
  }
} finally {
  await stack.stop();
}
process.exit(0);

// One repair per broken connection, read as its story: it opens on the first report, waits for
// people (Updates), reports and its own retries and timers until the connection works again, and
// closes. State lives in RepairRun, each message's handler in handlers/ (set before any await).
import { continueAsNew } from '@temporalio/workflow';
import type { RepairResult, RepairWorkflowInput } from './messages.js';
import { closeRepair } from './closing.js';
import { handleMessages } from './handlers/index.js';
import { openRepair } from './opening.js';
import { RepairRun } from './repair-run.js';
import { waitForRepair } from './waiting.js';

export async function repairWorkflow(input: RepairWorkflowInput): Promise<RepairResult> {
  const run = new RepairRun(input);
  handleMessages(run);

  await openRepair(run, input.reports ?? []);
  if ((await waitForRepair(run)) === 'history_full') return continueAsNew<typeof repairWorkflow>(run.carryOver());
  const outcome = await closeRepair(run);

  // The connection broke again while this repair closed: the next repair continues this workflow.
  const next = run.nextRepair();
  if (next) return continueAsNew<typeof repairWorkflow>(next);
  return run.result(outcome);
}

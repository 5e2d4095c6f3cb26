// Closing: the repair ends healthy (a pairing worked) or repaired elsewhere (a backend said so),
// once every handler has finished; the connection is healthy again and people hear of it.
import { allHandlersFinished, condition } from '@temporalio/workflow';
import type { RepairResult } from './messages.js';
import { emit, notify, save } from './bookkeeping.js';
import type { RepairRun } from './repair-run.js';
import { touch } from './snapshot.js';

export async function closeRepair(run: RepairRun): Promise<RepairResult['outcome']> {
  await condition(allHandlersFinished);
  const repair = run.repair;
  const outcome = run.endedElsewhere && repair.state !== 'healthy' ? 'repaired_elsewhere' : 'healthy';
  repair.state = outcome;
  if (outcome === 'healthy') repair.lastOutcome = 'healthy';
  touch(repair, Date.now());
  run.publish();
  await save(run, { kind: 'resolved', outcome: outcome === 'healthy' ? 'healthy' : undefined, detail: { outcome } }, 'healthy');
  if (outcome === 'healthy') await notify(run, 'reconnected');
  await emit(run, 'repair.resolved', { outcome });
  // Reports that came meanwhile were kept for the next repair; nothing is left half done.
  await condition(allHandlersFinished);
  return outcome;
}

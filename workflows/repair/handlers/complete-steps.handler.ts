// A person says the steps in the provider's portal are done: the repair checks the connection.
import { setHandler } from '@temporalio/workflow';
import { pairing } from '../activity-proxies.js';
import { completeStepsUpdate } from '../messages.js';
import { attemptPairing } from '../pairing-attempt.js';
import type { RepairRun } from '../repair-run.js';
import { actAlone, allowedNow } from './people-act.js';

export function handleCompleteSteps(run: RepairRun): void {
  const { provider, accountRef } = run.repair.connection;
  setHandler(
    completeStepsUpdate,
    ({ actingUserId }) => actAlone(run, 'complete_steps', () => attemptPairing(run, { purpose: 'steps', actingUserId, pair: () => pairing.checkConnection({ provider, accountRef }) })),
    { validator: allowedNow(run, 'complete_steps') },
  );
}

// A person says the steps in the provider's portal are done: the repair checks the connection.
import { setHandler } from '@temporalio/workflow';
import { pairingFor } from '../activity-proxies.js';
import { PRIORITY } from '../../../core/temporal/priorities.js';
import { completeStepsUpdate } from '../messages.js';
import { attemptPairing } from '../pairing-attempt.js';
import type { RepairRun } from '../repair-run.js';
import { actAlone, allowedNow } from './people-act.js';

export function handleCompleteSteps(run: RepairRun): void {
  // A person waits for this pairing's answer.
  const pairing = pairingFor(run.repair.connection.orgId, PRIORITY.personWaiting);
  const { provider, accountRef } = run.repair.connection;
  setHandler(
    completeStepsUpdate,
    ({ actingUserId }) => actAlone(run, 'complete_steps', () => attemptPairing(run, { purpose: 'steps', actingUserId, pair: () => pairing.checkConnection({ provider, accountRef }) })),
    { validator: allowedNow(run, 'complete_steps') },
  );
}

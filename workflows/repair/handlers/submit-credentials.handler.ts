// A person enters the account's credentials (sealed: only their reference reaches history).
import { setHandler } from '@temporalio/workflow';
import { pairingFor } from '../activity-proxies.js';
import { PRIORITY } from '../../../core/temporal/priorities.js';
import { submitCredentialsUpdate } from '../messages.js';
import { attemptPairing } from '../pairing-attempt.js';
import type { RepairRun } from '../repair-run.js';
import { actAlone, allowedNow } from './people-act.js';

export function handleSubmitCredentials(run: RepairRun): void {
  // A person waits for this pairing's answer.
  const pairing = pairingFor(run.repair.connection.orgId, PRIORITY.personWaiting);
  const { repairId, connection } = run.repair;
  setHandler(
    submitCredentialsUpdate,
    ({ actingUserId, secretRef }) =>
      actAlone(run, 'submit_credentials', () =>
        attemptPairing(run, { purpose: 'credentials', actingUserId, pair: () => pairing.pairWithCredentials({ repairId, provider: connection.provider, accountRef: connection.accountRef, secretRef }) }),
      ),
    { validator: allowedNow(run, 'submit_credentials') },
  );
}

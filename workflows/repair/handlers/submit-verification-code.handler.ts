// A person enters the code the provider sent for the challenge the last pairing opened.
import { setHandler } from '@temporalio/workflow';
import { pairingFor } from '../activity-proxies.js';
import { PRIORITY } from '../../../core/temporal/priorities.js';
import { submitVerificationCodeUpdate } from '../messages.js';
import { attemptPairing } from '../pairing-attempt.js';
import type { RepairRun } from '../repair-run.js';
import { actAlone, allowedNow } from './people-act.js';

export function handleSubmitVerificationCode(run: RepairRun): void {
  // A person waits for this pairing's answer.
  const pairing = pairingFor(run.repair.connection.orgId, PRIORITY.personWaiting);
  const { repairId, connection } = run.repair;
  const pair = (secretRef: string) => () =>
    pairing.pairWithCode({ repairId, provider: connection.provider, accountRef: connection.accountRef, challengeId: run.repair.challengeId ?? '', secretRef });
  setHandler(
    submitVerificationCodeUpdate,
    ({ actingUserId, secretRef }) => actAlone(run, 'submit_verification_code', () => attemptPairing(run, { purpose: 'code', actingUserId, pair: pair(secretRef) })),
    { validator: allowedNow(run, 'submit_verification_code') },
  );
}

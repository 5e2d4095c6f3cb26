// A person enters the code the provider sent for the challenge the last pairing opened.
import { setHandler } from '@temporalio/workflow';
import { pairing } from '../activity-proxies.js';
import { submitVerificationCodeUpdate } from '../messages.js';
import { attemptPairing } from '../pairing-attempt.js';
import type { RepairRun } from '../repair-run.js';
import { actAlone, allowedNow } from './people-act.js';

export function handleSubmitVerificationCode(run: RepairRun): void {
  const { repairId, connection } = run.repair;
  const pair = (secretRef: string) => () =>
    pairing.pairWithCode({ repairId, provider: connection.provider, accountRef: connection.accountRef, challengeId: run.repair.challengeId ?? '', secretRef });
  setHandler(
    submitVerificationCodeUpdate,
    ({ actingUserId, secretRef }) => actAlone(run, 'submit_verification_code', () => attemptPairing(run, { purpose: 'code', actingUserId, pair: pair(secretRef) })),
    { validator: allowedNow(run, 'submit_verification_code') },
  );
}

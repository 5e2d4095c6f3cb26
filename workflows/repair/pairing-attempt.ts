// One pairing attempt, for a person or for the repair's own retry: the repair shows "verifying"
// while the provider is asked, then follows what the provider's answer means.
import { log } from '@temporalio/workflow';
import type { PairingStep } from '../../activities/connectors/provider-connector.js';
import type { ActionAnswer } from './messages.js';
import type { RepairAction, RepairState } from './repair-rules.js';
import { announceError, emit, save } from './bookkeeping.js';
import { failedPairingOutcome, failureSummary, type FailedPairingOutcome } from './failed-pairing.js';
import { interpretPairing, type PairingPurpose } from './interpret-pairing.js';
import type { RepairRun } from './repair-run.js';
import { applyError, sameError, touch } from './snapshot.js';

export interface Attempt {
  purpose: PairingPurpose;
  actingUserId?: string;
  /** Asks the provider (a pairing activity). */
  pair: () => Promise<PairingStep>;
}

export async function attemptPairing(run: RepairRun, attempt: Attempt): Promise<ActionAnswer> {
  const repair = run.repair;
  const before = repair.state;
  repair.state = 'verifying';
  repair.attempts += 1;
  touch(repair, Date.now());
  run.publish();
  // Pages and API readers see "verifying" while the provider is asked.
  await save(run);
  let step: PairingStep;
  try {
    step = await attempt.pair();
  } catch (error) {
    const failed = failedPairingOutcome(error);
    if (!failed) throw error;
    return pairingDidNotHappen(run, attempt, before, failed, error);
  }
  return followAnswer(run, attempt, step);
}

async function followAnswer(run: RepairRun, attempt: Attempt, step: PairingStep): Promise<ActionAnswer> {
  const repair = run.repair;
  const meaning = interpretPairing(attempt.purpose, step, repair);
  const changed = meaning.error !== undefined && !sameError(repair.error, meaning.error);
  repair.lastOutcome = meaning.outcome;
  if (meaning.outcome === 'healthy') repair.state = 'healthy';
  else if (meaning.outcome === 'verification_required') {
    repair.state = 'awaiting_verification_code';
    repair.challengeId = meaning.challengeId ?? null;
  } else if (meaning.outcome === 'invalid_code') {
    repair.state = meaning.codeExpired ? 'awaiting_credentials' : 'awaiting_verification_code';
    if (meaning.codeExpired) repair.challengeId = null;
  } else if (meaning.error) applyError(repair, meaning.error, Date.now());
  touch(repair, Date.now());
  run.publish();
  const { error } = repair;
  await save(run, { kind: 'attempt', actorUserId: attempt.actingUserId, action: actionOf(attempt), outcome: meaning.outcome, errorType: error?.errorType, cause: error?.cause ?? undefined, errorCode: error?.code });
  await emit(run, 'repair.attempt', { outcome: meaning.outcome, actingUserId: attempt.actingUserId ?? null });
  if (changed && repair.state !== 'healthy') await announceError(run);
  return run.answer(meaning.outcome, meaning.codeExpired ? { codeExpired: true } : {});
}

/** The provider was never asked (or never answered us): back to the state people act in, and say so. */
async function pairingDidNotHappen(run: RepairRun, attempt: Attempt, before: RepairState, failed: FailedPairingOutcome, error: unknown): Promise<ActionAnswer> {
  const repair = run.repair;
  repair.state = before;
  repair.lastOutcome = failed;
  touch(repair, Date.now());
  run.publish();
  const failure = failureSummary(error);
  if (failed === 'pairing_failed') log.warn('repair stalled: pairing failed after its retries; the repair waits for people again', { repairId: repair.repairId, provider: repair.connection.provider, state: repair.state, failure });
  await save(run, { kind: 'attempt', actorUserId: attempt.actingUserId, action: actionOf(attempt), outcome: failed, errorType: repair.error?.errorType, detail: { failure: failure.type ?? null } });
  await emit(run, 'repair.attempt', { outcome: failed, actingUserId: attempt.actingUserId ?? null });
  return run.answer(failed);
}

function actionOf(attempt: Attempt): RepairAction | undefined {
  return ({ credentials: 'submit_credentials', code: 'submit_verification_code', steps: 'complete_steps', check: undefined } as const)[attempt.purpose];
}

// What a pairing step means for the repair: the outcome people see and the error it leaves.
import type { PairingStep } from '../../activities/connectors/provider-connector.js';
import { codeRejection } from '../../core/providers/index.js';
import type { ActionOutcome } from './repair-rules.js';
import type { ClassifiedError, RepairSnapshot } from './messages.js';
import { classify, sameError } from './snapshot.js';

export type PairingPurpose = 'credentials' | 'code' | 'steps' | 'check';

export interface Interpretation {
  outcome: ActionOutcome;
  /** The error the repair continues with (absent when healthy). */
  error?: ClassifiedError;
  challengeId?: string;
  codeExpired?: boolean;
}

export function interpretPairing(purpose: PairingPurpose, step: PairingStep, s: RepairSnapshot): Interpretation {
  const provider = s.connection.provider;
  switch (step.kind) {
    case 'paired':
      return { outcome: 'healthy' };
    case 'verification_required':
      return { outcome: 'verification_required', challengeId: step.challengeId, error: s.error ?? undefined };
    case 'unavailable':
      // Timeouts and 5xx mean the provider is down, whatever code it used: retry, never blame the merchant.
      return { outcome: 'new_error', error: { code: step.code, message: step.message, errorType: 'provider_unavailable', cause: null, resolution: 'retry' } };
    case 'rejected': {
      const error = classify(provider, step.code, step.message);
      if (purpose === 'code') {
        const rejection = codeRejection(provider, step.code);
        if (rejection) return { outcome: 'invalid_code', codeExpired: rejection === 'code_expired', error: s.error ?? error };
      }
      if (purpose === 'credentials' && error.errorType === 'invalid_credentials') return { outcome: 'invalid_credentials', error };
      if ((purpose === 'steps' || purpose === 'check') && sameError(s.error, error)) return { outcome: 'unresolved', error };
      return { outcome: 'new_error', error };
    }
  }
}

// Which screen of the repair dialog a person sees: from the repair's state, what they may do, and what
// their last action answered. Pure, so every combination is covered by a table-driven test.
import type { RepairAction, RepairState } from '../../workflows/repair/repair-rules.js';
import type { Flash } from './merchant-session.js';

export type StepKind =
  | 'credentials'
  | 'code'
  | 'portal_steps'
  | 'learn_more'
  | 'unauthorized'
  | 'verifying'
  | 'retrying'
  | 'with_support'
  | 'done'
  | 'done_elsewhere'
  | 'guest';

export interface Notice {
  tone: 'error' | 'info';
  key: string;
}

export interface RepairStep {
  kind: StepKind;
  /** The screen refreshes itself (without a reload) while the repair is open: someone else may act, or the provider answer. */
  live: boolean;
  notice: Notice | null;
  /** "Still not fixed: try again or contact support", after steps that did not fix it. */
  unresolved: boolean;
  canDefer: boolean;
  canRequestSupport: boolean;
  /** On the code screen or with support: "sign in again" goes back to the credentials form. */
  canReenterCredentials: boolean;
}

export interface StepInput {
  state: RepairState;
  resolution: string | null;
  lastOutcome: string | null;
  allowedActions: readonly RepairAction[];
  /** False for a guest (a link that named no user). */
  signedIn: boolean;
  canReconnect: boolean;
  /** `?step=credentials`: the person asked to enter credentials again. */
  requested?: 'credentials';
  flash: Flash | null;
}

const OUTCOME_NOTICES: Partial<Record<Flash['outcome'], Notice>> = {
  invalid_credentials: { tone: 'error', key: 'page.outcome.invalid_credentials' },
  invalid_code: { tone: 'error', key: 'page.outcome.invalid_code' },
  verification_required: { tone: 'info', key: 'page.outcome.verification_required' },
  new_error: { tone: 'info', key: 'page.outcome.new_error' },
  moved_on: { tone: 'info', key: 'page.outcome.moved_on' },
  // Shown on the repair itself when there is no list to go back to (a session opened from its link).
  deferred: { tone: 'info', key: 'page.repairs.deferredSoon' },
  entry_expired: { tone: 'error', key: 'page.outcome.entry_expired' },
  submit_again: { tone: 'error', key: 'page.outcome.submit_again' },
  pairing_failed: { tone: 'error', key: 'page.outcome.pairing_failed' },
};

function noticeFor(flash: Flash | null): Notice | null {
  if (!flash) return null;
  if (flash.outcome === 'invalid_code' && flash.codeExpired) return { tone: 'error', key: 'page.outcome.code_expired' };
  return OUTCOME_NOTICES[flash.outcome] ?? null;
}

function kindFor(input: StepInput): StepKind {
  const { state, canReconnect } = input;
  if (state === 'healthy') return 'done';
  if (state === 'repaired_elsewhere') return 'done_elsewhere';
  if (!input.signedIn) return 'guest';
  if (state === 'verifying') return 'verifying';
  if (state === 'retrying') return 'retrying';
  if (state === 'awaiting_portal_steps') return canReconnect ? 'portal_steps' : 'learn_more';
  if (!canReconnect) return input.resolution === 'merchant_portal' ? 'learn_more' : 'unauthorized';
  const wantsCredentials = input.requested === 'credentials' && input.allowedActions.includes('submit_credentials');
  if (state === 'awaiting_verification_code') return wantsCredentials ? 'credentials' : 'code';
  if (state === 'awaiting_support') return wantsCredentials ? 'credentials' : 'with_support';
  return 'credentials';
}

export function repairStep(input: StepInput): RepairStep {
  const kind = kindFor(input);
  const allowed = (action: RepairAction) => input.signedIn && input.allowedActions.includes(action);
  return {
    kind,
    live: kind !== 'done' && kind !== 'done_elsewhere',
    notice: kind === 'done' || kind === 'done_elsewhere' ? null : noticeFor(input.flash),
    unresolved: (kind === 'portal_steps' || kind === 'learn_more') && (input.flash?.outcome === 'unresolved' || input.lastOutcome === 'unresolved'),
    // Deferring is for the person who will do it: not on the read-only screens.
    canDefer: allowed('defer') && (kind === 'credentials' || kind === 'code' || kind === 'portal_steps'),
    canRequestSupport: allowed('request_support'),
    canReenterCredentials: (kind === 'code' || kind === 'with_support') && allowed('submit_credentials') && input.canReconnect,
  };
}

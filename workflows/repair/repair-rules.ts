// The repair's states and what people may do in each: pure, shared by the workflow (validators)
// and the API (allowedActions, 409 answers).

export const REPAIR_STATES = [
  'awaiting_credentials',
  'awaiting_verification_code',
  'awaiting_portal_steps',
  'verifying',
  'retrying',
  'awaiting_support',
  'healthy',
  'repaired_elsewhere',
] as const;
export type RepairState = (typeof REPAIR_STATES)[number];

export const CLOSED_STATES: readonly RepairState[] = ['healthy', 'repaired_elsewhere'];
export const isOpen = (state: RepairState) => !CLOSED_STATES.includes(state);

export const REPAIR_ACTIONS = ['submit_credentials', 'submit_verification_code', 'complete_steps', 'defer', 'request_support'] as const;
export type RepairAction = (typeof REPAIR_ACTIONS)[number];

/** Actions that re-authenticate or touch the provider account: they need `integrations:reconnect`. */
export const RECONNECT_ACTIONS: readonly RepairAction[] = ['submit_credentials', 'submit_verification_code', 'complete_steps'];

const ACTIONS_BY_STATE: Record<RepairState, readonly RepairAction[]> = {
  awaiting_credentials: ['submit_credentials', 'defer', 'request_support'],
  awaiting_verification_code: ['submit_verification_code', 'submit_credentials', 'defer', 'request_support'],
  awaiting_portal_steps: ['complete_steps', 'defer', 'request_support'],
  verifying: [],
  retrying: ['request_support'],
  awaiting_support: ['submit_credentials', 'request_support'],
  healthy: [],
  repaired_elsewhere: [],
};

export function actionsInState(state: RepairState): readonly RepairAction[] {
  return ACTIONS_BY_STATE[state];
}

export function isActionAllowed(state: RepairState, action: RepairAction): boolean {
  return ACTIONS_BY_STATE[state].includes(action);
}

/** What one user may do now: reconnect actions drop out without the permission. */
export function actionsForUser(state: RepairState, canReconnect: boolean): RepairAction[] {
  return ACTIONS_BY_STATE[state].filter((a) => canReconnect || !RECONNECT_ACTIONS.includes(a));
}

export const ACTION_OUTCOMES = [
  'healthy',
  'verification_required',
  'invalid_credentials',
  'invalid_code',
  'unresolved',
  'new_error',
  'deferred',
  'support_requested',
  // Nothing was asked of the provider: the entry must be given again (see docs/decisions.md).
  'entry_expired',
  'submit_again',
  // The provider could not be asked after every retry: the repair waits for people again.
  'pairing_failed',
] as const;
export type ActionOutcome = (typeof ACTION_OUTCOMES)[number];

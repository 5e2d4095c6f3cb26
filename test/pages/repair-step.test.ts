// Which screen each person sees, for every state, permission and last outcome.
import { describe, expect, it } from 'vitest';
import { repairStep, type StepInput } from '../../api/pages/repair-step.js';
import { actionsForUser, type RepairState } from '../../workflows/repair/repair-rules.js';

const input = (state: RepairState, over: Partial<StepInput> = {}): StepInput => ({
  state,
  resolution: state === 'awaiting_portal_steps' ? 'merchant_portal' : 'reconnect',
  lastOutcome: null,
  allowedActions: actionsForUser(state, over.canReconnect ?? true),
  signedIn: true,
  canReconnect: true,
  flash: null,
  ...over,
});

describe('repair screens', () => {
  it.each([
    ['awaiting_credentials', true, 'credentials'],
    ['awaiting_credentials', false, 'unauthorized'],
    ['awaiting_verification_code', true, 'code'],
    ['awaiting_verification_code', false, 'unauthorized'],
    ['awaiting_portal_steps', true, 'portal_steps'],
    ['awaiting_portal_steps', false, 'learn_more'],
    ['verifying', true, 'verifying'],
    ['retrying', true, 'retrying'],
    ['awaiting_support', true, 'with_support'],
    ['healthy', true, 'done'],
    ['healthy', false, 'done'],
    ['repaired_elsewhere', true, 'done_elsewhere'],
  ] as const)('%s, may reconnect %s → %s', (state, canReconnect, kind) => {
    expect(repairStep(input(state, { canReconnect, allowedActions: actionsForUser(state, canReconnect) })).kind).toBe(kind);
  });

  it('shows read-only steps as Learn more when the resolution is portal steps and the user may not reconnect', () => {
    expect(repairStep(input('awaiting_credentials', { canReconnect: false, resolution: 'merchant_portal' })).kind).toBe('learn_more');
  });

  it('a guest (a link without a user) reads the repair and is asked to sign in', () => {
    const step = repairStep(input('awaiting_credentials', { signedIn: false }));
    expect(step).toMatchObject({ kind: 'guest', canDefer: false, canRequestSupport: false, canReenterCredentials: false });
    expect(repairStep(input('healthy', { signedIn: false })).kind).toBe('done');
  });

  it('goes back to the credentials form from the code screen only when asked and allowed', () => {
    expect(repairStep(input('awaiting_verification_code', { requested: 'credentials' })).kind).toBe('credentials');
    expect(repairStep(input('awaiting_verification_code')).canReenterCredentials).toBe(true);
    expect(repairStep(input('awaiting_portal_steps', { requested: 'credentials' })).kind).toBe('portal_steps');
  });

  it.each([
    ['invalid_credentials', undefined, 'page.outcome.invalid_credentials', 'error'],
    ['invalid_code', undefined, 'page.outcome.invalid_code', 'error'],
    ['invalid_code', true, 'page.outcome.code_expired', 'error'],
    ['verification_required', undefined, 'page.outcome.verification_required', 'info'],
    ['new_error', undefined, 'page.outcome.new_error', 'info'],
    ['moved_on', undefined, 'page.outcome.moved_on', 'info'],
  ] as const)('outcome %s (expired %s) → notice %s', (outcome, codeExpired, key, tone) => {
    expect(repairStep(input('awaiting_credentials', { flash: { repairId: 'rep_1', outcome, codeExpired } })).notice).toEqual({ key, tone });
  });

  it('shows the unresolved banner after steps that did not fix it, also after a reload', () => {
    expect(repairStep(input('awaiting_portal_steps', { flash: { repairId: 'rep_1', outcome: 'unresolved' } })).unresolved).toBe(true);
    expect(repairStep(input('awaiting_portal_steps', { lastOutcome: 'unresolved' })).unresolved).toBe(true);
    expect(repairStep(input('awaiting_portal_steps')).unresolved).toBe(false);
    expect(repairStep(input('awaiting_credentials', { lastOutcome: 'unresolved' })).unresolved).toBe(false);
  });

  it('refreshes itself while the repair is open, and stops once it is over', () => {
    const live = (['awaiting_credentials', 'verifying', 'retrying', 'awaiting_support'] as const).map((s) => repairStep(input(s)).live);
    expect(live).toEqual([true, true, true, true]);
    expect(repairStep(input('healthy')).live).toBe(false);
    expect(repairStep(input('repaired_elsewhere')).live).toBe(false);
  });

  it('offers "I’ll do it later" and support only where the workflow allows them', () => {
    expect(repairStep(input('awaiting_credentials'))).toMatchObject({ canDefer: true, canRequestSupport: true });
    expect(repairStep(input('verifying'))).toMatchObject({ canDefer: false, canRequestSupport: false });
    expect(repairStep(input('retrying'))).toMatchObject({ canDefer: false, canRequestSupport: true });
    expect(repairStep(input('awaiting_credentials', { canReconnect: false, allowedActions: actionsForUser('awaiting_credentials', false) }))).toMatchObject({ kind: 'unauthorized', canDefer: false, canRequestSupport: true });
  });
});

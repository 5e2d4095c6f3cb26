// One repair per broken connection: classify, record, alert, wait for people (Updates), re-pair,
// follow new errors, remind and escalate, and finish when the connection is healthy again.
import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  currentUpdateInfo,
  log,
  patched,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { PairingStep } from '../../activities/connectors/provider-connector.js';
import { completeStepsUpdate, connectionHealthySignal, deferRepairUpdate, disconnectionReportedSignal, repairSnapshotQuery, reportDisconnectionUpdate, requestSupportUpdate, submitCredentialsUpdate, submitVerificationCodeUpdate, type ActionAnswer, type DisconnectionReport, type RepairResult, type RepairSnapshot, type RepairWorkflowInput, type ReportAnswer, type ReportSignal } from './messages.js';
import { type WebhookEventType } from '../webhook-dispatcher/messages.js';
import { retryNowSignal } from '../provider-health/messages.js';
import { isActionAllowed, isOpen, type ActionOutcome, type RepairAction, type RepairState } from './repair-rules.js';
import { escalationTicket, events, heartbeatingPairing, localBookkeeping, pairing as pairingWithoutHeartbeats, remoteBookkeeping } from './activity-proxies.js';
import { failedPairingOutcome, failureSummary, type FailedPairingOutcome } from './failed-pairing.js';
import { interpretPairing, type PairingPurpose } from './interpret-pairing.js';
import { createOperatorView } from './operator-view.js';
import { applyError, classifyReport, initialSnapshot, nextDue, reportChangesError, sameError, touch } from './snapshot.js';
import type { RepairEventInput } from '../../activities/records.activities.js';
import type { NotificationKind } from '../../activities/notify.activities.js';

export async function repairWorkflow(input: RepairWorkflowInput): Promise<RepairResult> {
  const t = input.timings;
  const s: RepairSnapshot = input.carried ?? initialSnapshot(input, Date.now());
  const workflowId = workflowInfo().workflowId;
  const publish = createOperatorView();
  let recorded = input.carried !== undefined;
  let endedElsewhere = false;
  // A client may deliver the same report update twice (retries, continue-as-new); count each report once.
  const seenReports = new Set<string>(s.recentReportIds ?? []);

  // Local bookkeeping arrived later: older repairs replay with ordinary activities.
  const bookkeeping = patched('local-bookkeeping') ? localBookkeeping : remoteBookkeeping;
  const save = (event?: Omit<RepairEventInput, 'at'>, connectionStatus?: 'healthy' | 'needs_attention') =>
    bookkeeping.saveRepair({ workflowId, snapshot: { ...s }, event: event ? { ...event, at: Date.now() } : undefined, connectionStatus });

  // Webhook events arrived after repairs were already running: old histories replay without them.
  const emitsEvents = patched('repair-webhook-events');
  const emit = async (type: WebhookEventType, data: Record<string, unknown> = {}) => {
    if (!emitsEvents) return;
    await bookkeeping.publishEvent({
      type,
      orgId: s.connection.orgId,
      streamKey: s.repairId,
      at: Date.now(),
      data: { repairId: s.repairId, connectionId: s.connection.connectionId, provider: s.connection.provider, state: s.state, errorType: s.error?.errorType ?? null, cause: s.error?.cause ?? null, resolution: s.error?.resolution ?? null, attempts: s.attempts, ...data },
    });
  };

  // Outage detection arrived later too: provider_unavailable failures feed the provider's health workflow.
  const reportsHealth = patched('provider-health-reports');
  const reportOutage = async () => {
    if (!reportsHealth || s.error?.errorType !== 'provider_unavailable') return;
    const c = s.connection;
    await events.reportProviderFailure({ provider: c.provider, failure: { connectionId: c.connectionId, accountRef: c.accountRef, repairId: s.repairId, code: s.error.code, at: Date.now() } });
  };
  // Later additions, off for repairs that started before them (their histories replay unchanged).
  const pairing = patched('pairing-heartbeats') ? heartbeatingPairing : pairingWithoutHeartbeats;
  const savesJoinedReports = patched('saves-joined-reports');
  // The API answers a report before the workflow has run: an action sent right after it waits for
  // the opening (its record and alert), so the history reads in the order things happened.
  const actionsAfterOpening = patched('actions-after-opening');
  const afterOpening = async () => {
    if (actionsAfterOpening && !recorded) await condition(() => recorded);
  };
  // Nothing stalls (added later): a failed pairing hands the repair back to people, a backend's
  // "healthy" counts in every state, a pairing under way holds the timers, an escalation's ticket gives up.
  const nothingStalls = patched('nothing-stalls');
  /** Reports that joined without changing anything: the stored count follows them in one write. */
  let unsavedReports = false;

  let retryNow = false;
  setHandler(retryNowSignal, () => {
    retryNow = true;
  });

  const notify = (kind: NotificationKind) => bookkeeping.notifyRepair({ repairId: s.repairId, orgId: s.connection.orgId, kind, snapshot: { ...s } });

  /** The alert that asks people to act; a provider outage asks nothing of them. */
  const announceError = async () => {
    publish(s);
    await reportOutage();
    if (s.error && s.error.resolution !== 'retry') {
      await notify('action_needed');
      await emit('repair.action_needed');
    }
  };

  const requireAllowed = (action: RepairAction) => (_input?: unknown) => {
    if (!isActionAllowed(s.state, action)) throw new Error(`${action} is not allowed while the repair is ${s.state}`);
  };

  const answer = (outcome: ActionOutcome, extra: Partial<ActionAnswer> = {}): ActionAnswer => ({
    outcome,
    state: s.state,
    errorType: s.error?.errorType ?? null,
    resolution: s.error?.resolution ?? null,
    ...extra,
  });

  /** Runs one pairing attempt for a person (or a retry), applies its meaning and records it. */
  async function attempt(purpose: PairingPurpose, actingUserId: string | undefined, run: () => Promise<PairingStep>): Promise<ActionAnswer> {
    await afterOpening();
    const before = s.state;
    s.state = 'verifying';
    s.attempts += 1;
    touch(s, Date.now());
    publish(s);
    // Pages and API readers see "verifying" while the provider is asked (older repairs replay without it).
    if (patched('repair-records-verifying')) await save();
    let step: PairingStep;
    try {
      step = await run();
    } catch (error) {
      const failed = nothingStalls ? failedPairingOutcome(error) : null;
      if (failed) return pairingDidNotHappen(before, purpose, actingUserId, failed, error);
      // The one-time secret was gone (expired or already used): ask for it again.
      if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === 'SecretUnavailable') {
        s.state = before;
        touch(s, Date.now());
        publish(s);
        return answer(purpose === 'code' ? 'invalid_code' : 'invalid_credentials');
      }
      throw error;
    }
    const meaning = interpretPairing(purpose, step, s);
    const changed = meaning.error !== undefined && !sameError(s.error, meaning.error);
    s.lastOutcome = meaning.outcome;
    if (meaning.outcome === 'healthy') s.state = 'healthy';
    else if (meaning.outcome === 'verification_required') {
      s.state = 'awaiting_verification_code';
      s.challengeId = meaning.challengeId ?? null;
    } else if (meaning.outcome === 'invalid_code') {
      s.state = meaning.codeExpired ? 'awaiting_credentials' : 'awaiting_verification_code';
      if (meaning.codeExpired) s.challengeId = null;
    } else if (meaning.error) applyError(s, meaning.error, Date.now());
    touch(s, Date.now());
    publish(s);
    await save({ kind: 'attempt', actorUserId: actingUserId, action: purposeAction(purpose), outcome: meaning.outcome, errorType: s.error?.errorType, cause: s.error?.cause ?? undefined, errorCode: s.error?.code });
    await emit('repair.attempt', { outcome: meaning.outcome, actingUserId: actingUserId ?? null });
    if (changed && s.state !== 'healthy') await announceError();
    return answer(meaning.outcome, meaning.codeExpired ? { codeExpired: true } : {});
  }

  /** The provider was never asked (or never answered us): back to the state people act in, and say so. */
  async function pairingDidNotHappen(before: RepairState, purpose: PairingPurpose, actingUserId: string | undefined, failed: FailedPairingOutcome, error: unknown): Promise<ActionAnswer> {
    s.state = before;
    s.lastOutcome = failed;
    touch(s, Date.now());
    publish(s);
    const failure = failureSummary(error);
    if (failed === 'pairing_failed') log.warn('repair stalled: pairing failed after its retries; the repair waits for people again', { repairId: s.repairId, provider: s.connection.provider, state: s.state, failure });
    await save({ kind: 'attempt', actorUserId: actingUserId, action: purposeAction(purpose), outcome: failed, errorType: s.error?.errorType, detail: { failure: failure.type ?? null } });
    await emit('repair.attempt', { outcome: failed, actingUserId: actingUserId ?? null });
    return answer(failed);
  }

  // ------------------------------------------------------------------ handlers (before any await)
  /** Counts a report once (by its id) and follows the error it brings; true when it joined a running repair. */
  async function takeReport(report: DisconnectionReport, reportId: string | undefined): Promise<boolean> {
    const error = classifyReport(s.connection.provider, report);
    const joined = s.error !== null;
    if (!reportId || !seenReports.has(reportId)) s.reportCount += 1;
    if (reportId) seenReports.add(reportId);
    if (!joined) applyError(s, error, Date.now());
    else if (reportChangesError(s.state, s.error, error)) {
      applyError(s, error, Date.now());
      await save({ kind: 'error_changed', errorType: error.errorType, cause: error.cause ?? undefined, errorCode: error.code });
      await announceError();
    } else if (savesJoinedReports) unsavedReports = true;
    return joined;
  }

  setHandler(
    reportDisconnectionUpdate,
    async (report: DisconnectionReport): Promise<ReportAnswer> => {
      const joined = await takeReport(report, currentUpdateInfo()?.id);
      // Newer repairs answer at once: the API records the first copy itself (see accept-report).
      if (!patched('report-answers-early')) await condition(() => recorded);
      return { repairId: s.repairId, state: s.state, joined };
    },
    {
      validator: (report) => {
        if (!isValidReport(report)) throw new Error('errorCode must be a non-empty string');
      },
    },
  );

  // Signals have no validator: a malformed one is logged and dropped, never fails the workflow task.
  const lateReports: ReportSignal[] = [];
  setHandler(disconnectionReportedSignal, async (signal: ReportSignal) => {
    if (typeof signal?.reportId !== 'string' || typeof signal.repairId !== 'string' || !isValidReport(signal.report)) {
      log.warn('ignored a malformed disconnection report', { repairId: s.repairId });
      return;
    }
    // The connection broke again while this repair was closing: the report opens the next repair.
    if (!isOpen(s.state)) lateReports.push(signal);
    else await takeReport(signal.report, signal.reportId);
  });

  setHandler(
    submitCredentialsUpdate,
    async ({ actingUserId, secretRef }) =>
      attempt('credentials', actingUserId, () => pairing.pairWithCredentials({ repairId: s.repairId, provider: s.connection.provider, accountRef: s.connection.accountRef, secretRef })),
    { validator: requireAllowed('submit_credentials') },
  );

  setHandler(
    submitVerificationCodeUpdate,
    async ({ actingUserId, secretRef }) =>
      attempt('code', actingUserId, () =>
        pairing.pairWithCode({ repairId: s.repairId, provider: s.connection.provider, accountRef: s.connection.accountRef, challengeId: s.challengeId ?? '', secretRef }),
      ),
    { validator: requireAllowed('submit_verification_code') },
  );

  setHandler(
    completeStepsUpdate,
    async ({ actingUserId }) => attempt('steps', actingUserId, () => pairing.checkConnection({ provider: s.connection.provider, accountRef: s.connection.accountRef })),
    { validator: requireAllowed('complete_steps') },
  );

  setHandler(
    deferRepairUpdate,
    async ({ actingUserId }) => {
      await afterOpening();
      s.deferredUntil = Date.now() + t.deferMs;
      s.lastOutcome = 'deferred';
      touch(s, Date.now());
      await save({ kind: 'deferred', actorUserId: actingUserId, action: 'defer', outcome: 'deferred' });
      return answer('deferred', { remindAt: new Date(s.deferredUntil).toISOString() });
    },
    { validator: requireAllowed('defer') },
  );

  setHandler(
    requestSupportUpdate,
    async ({ actingUserId, message }) => {
      await afterOpening();
      s.supportRequested = true;
      s.lastOutcome = 'support_requested';
      touch(s, Date.now());
      await save({ kind: 'support_requested', actorUserId: actingUserId, action: 'request_support', outcome: 'support_requested', detail: { message } });
      await notify('support_requested');
      return answer('support_requested');
    },
    {
      validator: (request) => {
        requireAllowed('request_support')();
        if (typeof request?.message !== 'string' || request.message.trim().length === 0) throw new Error('message must not be empty');
      },
    },
  );

  setHandler(connectionHealthySignal, () => {
    // While pairing, the closing waits for the pairing to finish (allHandlersFinished) before it ends the repair.
    if (isOpen(s.state) && (nothingStalls || s.state !== 'verifying')) endedElsewhere = true;
  });
  setHandler(repairSnapshotQuery, () => s);

  // ------------------------------------------------------------------ opening
  for (const late of input.reports ?? []) await takeReport(late.report, late.reportId);
  if (!recorded) {
    await condition(() => s.error !== null);
    await save({ kind: 'reported', errorType: s.error!.errorType, cause: s.error!.cause ?? undefined, errorCode: s.error!.code }, 'needs_attention');
    recorded = true;
    await emit('repair.opened', { storeIds: s.connection.storeIds });
    await announceError();
  }

  // ------------------------------------------------------------------ waiting
  let retryDelay = t.retryInitialMs;
  while (isOpen(s.state) && !endedElsewhere) {
    if (workflowInfo().historyLength > t.historyLimit || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (s.state !== 'verifying') await continueAsNew<typeof repairWorkflow>({ ...input, carried: { ...s, recentReportIds: [...seenReports].slice(-500) } });
    }
    if (unsavedReports) {
      // Not an activity of the merchant's: reminders keep their schedule (no touch()).
      unsavedReports = false;
      s.revision += 1;
      await save();
    }
    const seen = s.revision;
    if (s.state === 'retrying') {
      const interrupted = await condition(() => s.revision !== seen || endedElsewhere || retryNow || unsavedReports, retryDelay);
      if (interrupted && !retryNow) continue;
      retryNow = false;
      retryDelay = Math.min(retryDelay * 2, t.retryMaxMs);
      const answerOfRetry = await attempt('check', undefined, () => pairing.checkConnection({ provider: s.connection.provider, accountRef: s.connection.accountRef }));
      // During a provider-wide outage nobody is asked to act: the repair keeps waiting for the provider.
      const outageLasts = answerOfRetry.state === 'retrying' && s.unavailableSince !== null && Date.now() - s.unavailableSince > t.unavailableGraceMs;
      if (outageLasts && !(reportsHealth && (await events.isProviderDegraded({ provider: s.connection.provider })))) {
        // The outage lasts: from now on it is a normal repair that asks people to act.
        applyError(s, { ...s.error!, resolution: 'reconnect' }, Date.now());
        s.state = 'awaiting_credentials';
        await save({ kind: 'error_changed', errorType: s.error!.errorType, errorCode: s.error!.code, detail: { reason: 'unavailable_too_long' } });
        await announceError();
      }
      continue;
    }
    retryDelay = t.retryInitialMs;
    if (nothingStalls && s.state === 'verifying') {
      // A pairing is under way and ends (its retries are bounded): timers due now wait for it, never re-arm.
      await condition(() => s.state !== 'verifying' || endedElsewhere);
      continue;
    }
    const due = nextDue(s, t);
    if (nothingStalls && due && due.at <= Date.now()) {
      // Already due (it fell due during a pairing): act now rather than through a 1 ms timer.
      await onDue(due.kind);
      continue;
    }
    const woke = await condition(() => s.revision !== seen || endedElsewhere || !isOpen(s.state) || unsavedReports, due ? Math.max(due.at - Date.now(), 1) : undefined);
    if (woke || !due || s.state === 'verifying') continue;
    await onDue(due.kind);
  }

  async function onDue(kind: 'reminder' | 'escalate_emergency' | 'escalate_support') {
    if (kind === 'reminder') {
      s.reminderCount += 1;
      s.deferredUntil = null;
      touch(s, Date.now());
      await save({ kind: 'reminder', detail: { count: s.reminderCount } });
      await notify('reminder');
    } else {
      s.escalation = kind === 'escalate_emergency' ? 'emergency' : 'support';
      if (kind === 'escalate_support') s.supportRequested = true;
      s.revision += 1;
      await save({ kind: 'escalated', detail: { to: s.escalation } });
      await notify(kind === 'escalate_emergency' ? 'escalated_emergency' : 'escalated_support');
      // Support takes over with a ticket (added later: older histories replay without it).
      if (kind === 'escalate_support' && patched('escalation-opens-ticket')) await openEscalationTicket();
      await emit('repair.escalated', { to: s.escalation });
    }
  }

  async function openEscalationTicket() {
    if (!nothingStalls) return void (await events.openTicketForRepair({ repairId: s.repairId }));
    try {
      await escalationTicket.openTicketForRepair({ repairId: s.repairId });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      // The escalation e-mail went out already; support still sees the repair in its list.
      log.warn('repair escalated without a ticket: opening it failed after its retries', { repairId: s.repairId, failure: failureSummary(error) });
    }
  }

  // ------------------------------------------------------------------ closing
  await condition(allHandlersFinished);
  const outcome = endedElsewhere && s.state !== 'healthy' ? 'repaired_elsewhere' : 'healthy';
  s.state = outcome;
  s.lastOutcome = outcome === 'healthy' ? 'healthy' : s.lastOutcome;
  touch(s, Date.now());
  publish(s);
  await save({ kind: 'resolved', outcome: outcome === 'healthy' ? 'healthy' : undefined, detail: { outcome } }, 'healthy');
  if (outcome === 'healthy') await notify('reconnected');
  await emit('repair.resolved', { outcome });
  await condition(allHandlersFinished);
  if (lateReports.length > 0) {
    // The API chose a new repair for them, unless it read this one as still open: then name one here.
    const next = lateReports.find((r) => r.repairId !== s.repairId)?.repairId ?? `rep_${uuid4().replaceAll('-', '')}`;
    await continueAsNew<typeof repairWorkflow>({ version: 1, repairId: next, connection: input.connection, timings: input.timings, reports: lateReports });
  }
  return { repairId: s.repairId, outcome, attempts: s.attempts };
}

function isValidReport(report: DisconnectionReport | undefined): boolean {
  return typeof report?.errorCode === 'string' && report.errorCode.length > 0 && report.errorCode.length <= 200;
}

function purposeAction(purpose: PairingPurpose): RepairAction | undefined {
  return ({ credentials: 'submit_credentials', code: 'submit_verification_code', steps: 'complete_steps', check: undefined } as const)[purpose];
}

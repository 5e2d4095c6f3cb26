// One notifier per organization, fed by signal-with-start from repairs. It waits a short window so
// a mass outage becomes one grouped alert per recipient and channel, never one per store.
// A channel that is down is retried with backoff, a bounded number of times: then the alerts left
// are recorded failed (an error log line says so) and the notifier goes on with the next alerts.
import { ActivityFailure, condition, continueAsNew, log, patched, proxyActivities, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { CollectedIntents } from '../../activities/alerts/collect-alert-intents.js';
import { orgPriority, PRIORITY, type PriorityLevel } from '../../core/temporal/priorities.js';
import { alertRequestedSignal, CANNOT_WAIT_KINDS, DEFAULT_ALERT_RETRY, FOLLOW_UP_WINDOWS, type AlertIntent, type OrgNotifierInput } from './messages.js';

type NotifierActivities = Pick<Activities, 'deliverAlerts' | 'releaseHeldAlerts' | 'collectAlertIntents'>;

/** Patch: runs started before it delivered only the intents signalled to them (one signal per intent). */
export const COLLECT_RECORDED_INTENTS = 'collect-recorded-intents';
/**
 * Patch: runs started before it opened the window when their workflow task ran and collected in an
 * activity of its own. In a mass outage a new notifier's first task waits in the queue: the window
 * now opens when the first alert was raised, and the collection (a few milliseconds of SQL) runs in
 * the task that closes the window, saving a server round trip and a workflow task before the delivery.
 */
export const PROMPT_WINDOW = 'window-from-first-alert';
/**
 * Patch: runs started before it ignored a signal for an intent they had already collected. Such a
 * signal means its recorder set the organization's wake mark again (the intent was re-recorded while
 * being delivered), and intents recorded behind that mark wait for the collection it promised: it
 * now wakes the notifier for one, or they waited for a signal that never came.
 */
export const REWAKE_ON_SEEN_INTENT = 'rewake-on-seen-intent';
/**
 * Patch: runs started before it ended after their idle half hour without a look at the table. An
 * intent recorded behind a wake mark whose signal never reached the notifier (whatever lost it)
 * then waited for the organization's next alert to refresh the mark; now the notifier collects
 * once before it ends, and delivers what it finds.
 */
export const SWEEP_BEFORE_IDLE_END = 'sweep-before-idle-end';
/** How a window's activities are retried: a channel or the database may be down for a while. */
function alertRetryPolicy(input: OrgNotifierInput) {
  const { initialIntervalMs, maximumAttempts } = input.retry ?? DEFAULT_ALERT_RETRY;
  return { initialInterval: initialIntervalMs, backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts };
}
/** A delivery lost with its worker is retried within seconds (it heartbeats), not after two minutes. */
function deliveries(input: OrgNotifierInput, priorityKey: PriorityLevel) {
  return proxyActivities<NotifierActivities>({
    startToCloseTimeout: '2 minutes',
    heartbeatTimeout: '15 seconds',
    retry: alertRetryPolicy(input),
    priority: orgPriority(input.orgId, priorityKey),
  });
}
/**
 * The collection as a local activity, retried as long as a delivery is: a database failover must
 * not leave a burst's unsignalled intents behind (longer backoffs become timers, see the SDK).
 */
const localCollection = (input: OrgNotifierInput) =>
  proxyLocalActivities<Pick<Activities, 'collectAlertIntents'>>({ startToCloseTimeout: '30 seconds', retry: alertRetryPolicy(input) }).collectAlertIntents;
/** Reminders alone wait behind what people wait for; a batch with a first alert or an escalation goes ahead. */
const BACKGROUND_KINDS: ReadonlySet<AlertIntent['kind']> = new Set(['reminder', 'reconnected']);
const batchPriority = (intents: AlertIntent[]): PriorityLevel => (intents.every((i) => BACKGROUND_KINDS.has(i.kind)) ? PRIORITY.background : PRIORITY.alertDelivery);
const { giveUpUndelivered } = proxyActivities<Pick<Activities, 'giveUpUndelivered'>>({ startToCloseTimeout: '1 minute', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } });

/** With nothing to send for this long, the notifier ends; the next alert starts it again. */
const IDLE_MS = 30 * 60_000;
const BATCHES_PER_RUN = 200;

/** An alert stamped longer ago than this (or in the future) was stamped by another clock: a test server that skips time, a host far off. */
const TRUSTED_ALERT_AGE_MS = 10 * 60_000;
/**
 * What is left of the window the earliest pending alert opened when it was raised (null before the
 * patch: the whole window, as it was). Its stamp comes from the recorder's clock (the API, an
 * activity), so one that cannot be this run's recent past counts as raised now.
 */
function windowLeft(pending: AlertIntent[], windowMs: number): number | null {
  if (!patched(PROMPT_WINDOW)) return null;
  const raisedAt = pending.reduce((earliest, i) => Math.min(earliest, i.at), Number.POSITIVE_INFINITY);
  const age = Date.now() - raisedAt;
  return age >= 0 && age <= TRUSTED_ALERT_AGE_MS ? Math.max(windowMs - age, 0) : windowMs;
}

/**
 * The grouping window, which opens with the first alert (whatever arrives meanwhile joins it); then,
 * after a delivery, the follow-up's wait, which what cannot wait closes early.
 */
async function groupingWait(input: OrgNotifierInput, pending: AlertIntent[], lastDeliveredAt: number): Promise<void> {
  const left = windowLeft(pending, input.windowMs);
  if (left === null) await condition(() => false, input.windowMs);
  // No timer for a window already past (a timeout of 0 would still start one).
  else if (left > 0) await condition(() => false, left);
  const followUpAt = lastDeliveredAt + FOLLOW_UP_WINDOWS * input.windowMs;
  if (patched(COLLECT_RECORDED_INTENTS) && Date.now() < followUpAt) await condition(() => pending.some((i) => CANNOT_WAIT_KINDS.has(i.kind)), followUpAt - Date.now());
}

/**
 * The window's intents: the signalled ones and those recorded without a signal. Should the database
 * not answer, the signalled ones still go (`failed`: what waits in the table was not read).
 */
async function collectWindow(input: OrgNotifierInput, signalled: AlertIntent[]): Promise<CollectedIntents & { failed?: true }> {
  if (!patched(COLLECT_RECORDED_INTENTS)) return { intents: signalled, more: false };
  const collect = patched(PROMPT_WINDOW) ? localCollection(input) : deliveries(input, batchPriority(signalled)).collectAlertIntents;
  return collect({ orgId: input.orgId, signalled }).catch((error: unknown) => {
    if (!(error instanceof ActivityFailure)) throw error;
    return { intents: signalled, more: false, failed: true };
  });
}

export async function orgNotifierWorkflow(input: OrgNotifierInput): Promise<void> {
  const urgent = deliveries(input, PRIORITY.alertDelivery);
  const background = deliveries(input, PRIORITY.background);
  /** The retries are spent: record what is left failed, and carry on. */
  const giveUp = async (error: unknown, dueHeld: boolean, intentIds?: string[]) => {
    if (!(error instanceof ActivityFailure)) throw error;
    const { workflowId, runId } = workflowInfo();
    const outcome = await giveUpUndelivered({ orgId: input.orgId, keyPrefix: `${workflowId}/${runId}/`, dueHeld, ...(intentIds ? { intentIds } : {}) });
    log.error('alerts given up on after repeated channel failures', { orgId: input.orgId, failed: outcome.failed, reason: error.cause?.message });
    return outcome.nextHeldUntil;
  };
  const pending: AlertIntent[] = [...(input.carried ?? [])];
  const seen = new Set(pending.map((i) => i.intentId));
  let heldUntil = input.heldUntil ?? null;
  /** A wake for an intent already taken: a collection is owed to the mark its recorder set. */
  let rewoken = input.rewoken ?? false;
  setHandler(alertRequestedSignal, (intent) => {
    // Activities are retried and intents re-recorded: the same intent may be signalled twice. It is
    // not delivered twice, but the wake it carries is honoured.
    if (seen.has(intent.intentId)) {
      if (patched(REWAKE_ON_SEEN_INTENT)) rewoken = true;
      return;
    }
    seen.add(intent.intentId);
    pending.push(intent);
  });

  /** The collection before an idle end (carried across continue-as-new): nothing found ends the run. */
  let sweeping = input.sweep ?? false;
  let more = sweeping;
  let lastDeliveredAt = Number.NEGATIVE_INFINITY;
  for (let batch = 0; batch < BATCHES_PER_RUN; batch += 1) {
    const wait = heldUntil !== null ? Math.max(heldUntil - Date.now(), 1) : IDLE_MS;
    const woke = more || (await condition(() => pending.length > 0 || rewoken, wait));
    if (!woke && heldUntil !== null) {
      heldUntil = await background.releaseHeldAlerts({ orgId: input.orgId, at: Date.now() }).then(
        (r) => r.nextHeldUntil,
        (error: unknown) => giveUp(error, true),
      );
      continue;
    }
    if (!woke) {
      if (!patched(SWEEP_BEFORE_IDLE_END)) return;
      // Collected at once, no window: whatever waits in the table is overdue.
      sweeping = true;
      more = true;
      continue;
    }
    if (!more) await groupingWait(input, pending, lastDeliveredAt);
    const signalled = pending.splice(0, pending.length);
    rewoken = false;
    const collected = await collectWindow(input, signalled);
    for (const intent of collected.intents) seen.add(intent.intentId);
    const { intents } = collected;
    more = collected.more;
    if (intents.length === 0) {
      // A sweep that could not read the table looks again after another idle period.
      if (sweeping && !collected.failed && pending.length === 0 && !rewoken) return;
      sweeping = false;
      continue;
    }
    if (sweeping) log.warn('alerts found waiting behind a wake whose signal never came', { orgId: input.orgId, intents: intents.length });
    sweeping = false;
    const { deliverAlerts } = batchPriority(intents) === PRIORITY.background ? background : urgent;
    const gaveUp = (error: unknown) => giveUp(error, false, patched(COLLECT_RECORDED_INTENTS) ? intents.map((i) => i.intentId) : undefined);
    const result = await deliverAlerts({ orgId: input.orgId, intents, at: Date.now() }).catch(async (error: unknown) => ({ heldUntil: await gaveUp(error) }));
    lastDeliveredAt = Date.now();
    if (result.heldUntil !== null) heldUntil = heldUntil === null ? result.heldUntil : Math.min(heldUntil, result.heldUntil);
    // Intents left by the collection's limit go first: a new run would wait for a signal.
    if (workflowInfo().continueAsNewSuggested && !more) break;
  }
  await continueAsNew<typeof orgNotifierWorkflow>({ ...input, carried: pending, heldUntil, ...(rewoken ? { rewoken } : {}), ...(sweeping ? { sweep: true } : {}) });
}

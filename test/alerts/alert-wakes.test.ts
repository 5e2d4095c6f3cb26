// The notifier is woken once per organization and window: a burst's intents wait in the table and
// the notifier collects them (activities/alerts/record-intent.ts, collect-alert-intents.ts); the
// window runs from when the first alert was raised, not from when the notifier got to it. An
// outage that goes on reaches people as one follow-up, and a wake mark left behind never silences
// an organization. Real stack: Temporal dev server, PostgreSQL, SMTP to MailDev.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleFor } from '../../core/providers/index.js';
import { createAlertingMerchant, type AlertingMerchantOptions } from '../helpers/alerting-merchant.js';
import { startSinks, type Sinks } from '../helpers/sinks.js';
import { eventually, report, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';
import { alertRequestedSignal, orgNotifierWorkflowId } from '../../workflows/org-notifier/messages.js';
import { recordHistory } from '../helpers/histories.js';
import { setWakeMark, wakeMarkOf } from '../helpers/wake-marks.js';
import { wakeStaleNotifiers } from '../../core/services/alerts/stale-wakes.js';
import type { Client } from '@temporalio/client';

const WINDOW_MS = 2000;
let sinks: Sinks;
let stack: RepairStack;
beforeAll(async () => {
  sinks = await startSinks();
  stack = await startRepairStack({ env: { ...sinks.env, ALERT_WINDOW_MS: String(WINDOW_MS) } });
});
afterAll(async () => {
  await stack?.close();
  await sinks?.close();
});

const merchant = (options: AlertingMerchantOptions) => createAlertingMerchant(stack, options);
const inactive = ruleFor('deliveroo', 'invalid_store_config', 'store_inactive')!.code;
const mailsTo = async (address: string) => (await sinks.mails()).filter((x) => x.to.some((t) => t.address === address));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('waking the notifier', () => {
  it('wakes it once for a burst of openings and still tells people about every one', async () => {
    const m = await merchant({ name: 'Veinte Locales', locale: 'es', userLocale: 'es', stores: 20, phone: '+34600000020', email: 'veinte@example.com' });
    await Promise.all(m.connections.map((c) => report(stack, c, inactive)));
    await eventually(() => mailsTo('veinte@example.com'), (list) => list.length > 0, 30_000);
    await sleep(WINDOW_MS + 1000);
    const mails = await mailsTo('veinte@example.com');
    expect(mails).toHaveLength(1);
    for (let i = 1; i <= 20; i += 1) expect(mails[0]!.html).toContain(`Local ${String(i).padStart(2, '0')}`);
    const history = await stack.temporal.workflow.getHandle(orgNotifierWorkflowId(m.orgId)).fetchHistory();
    const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes).length;
    // Twenty intents; one signal opened the window (a few more only if openings straddled two windows).
    expect(signals).toBeGreaterThan(0);
    expect(signals).toBeLessThan(5);
    // The window opened when intake raised the first alert, before the notifier's first task ran,
    // and the window's intents were collected inside the task that closed it.
    const windowTimer = (history.events ?? []).find((e) => e.timerStartedEventAttributes)?.timerStartedEventAttributes?.startToFireTimeout;
    expect(Number(windowTimer?.seconds ?? 0) * 1000 + (windowTimer?.nanos ?? 0) / 1e6).toBeLessThan(WINDOW_MS);
    const scheduled = (history.events ?? []).map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name);
    expect(scheduled).toContain('deliverAlerts');
    expect(scheduled).not.toContain('collectAlertIntents');
    await recordHistory(stack.temporal, orgNotifierWorkflowId(m.orgId), 'org-notifier-prompt-window');
  });

  it('sends an outage that goes on as one follow-up, not a message every window', async () => {
    const m = await merchant({ name: 'Cuatro Locales', locale: 'es', userLocale: 'es', stores: 4, phone: '+34600000004', email: 'cuatro@example.com' });
    await report(stack, m.connections[0]!, inactive);
    await eventually(() => mailsTo('cuatro@example.com'), (list) => list.length === 1, 30_000);
    // Three more stores fall over, more than a window apart: without a follow-up window, two messages.
    await report(stack, m.connections[1]!, inactive);
    await sleep(WINDOW_MS + 500);
    await Promise.all(m.connections.slice(2).map((c) => report(stack, c, inactive)));
    const mails = await eventually(() => mailsTo('cuatro@example.com'), (list) => list.length >= 2, 40_000);
    await sleep(WINDOW_MS + 1000);
    expect(await mailsTo('cuatro@example.com')).toHaveLength(2);
    const followUp = mails[1]!.html;
    for (const store of ['Local 02', 'Local 03', 'Local 04']) expect(followUp).toContain(store);
    expect(followUp).not.toContain('Local 01');
  });

  it('records a new repair\'s first alert at intake, and its opening does not record it again', async () => {
    const m = await merchant({ name: 'Alerta Temprana', locale: 'es', userLocale: 'es', stores: 1, phone: '+34600000003', email: 'temprana@example.com' });
    const opened = await report(stack, m.connections[0]!, inactive);
    const intentsOf = () => stack.db.orm.em.fork().getConnection().execute<{ id: string; kind: string }[]>('select id, kind from notification_intents where repair_id = ?', [opened.repairId]);
    // Written before the 202: the alert does not wait for the worker to reach the repair's opening.
    expect(await intentsOf()).toEqual([{ id: `${opened.repairId}#opening`, kind: 'action_needed' }]);
    await eventually(() => mailsTo('temprana@example.com'), (list) => list.length === 1, 30_000);
    await eventually(async () => (await stack.db.orm.em.fork().getConnection().execute<{ revision: number }[]>('select revision from repairs where id = ?', [opened.repairId]))[0]!.revision, (r) => r > 0);
    await sleep(WINDOW_MS + 1000);
    expect(await intentsOf()).toHaveLength(1);
    expect(await mailsTo('temprana@example.com')).toHaveLength(1);
  });

  it('is not silenced by a wake mark whose notifier is gone', async () => {
    const m = await merchant({ name: 'Marca Vieja', locale: 'es', userLocale: 'es', stores: 1, phone: '+34600000001', email: 'vieja@example.com' });
    // As if a notifier had been woken an hour ago and then terminated before collecting its window.
    await setWakeMark(stack, m.orgId, 3600);
    await report(stack, m.connections[0]!, inactive);
    const mails = await eventually(() => mailsTo('vieja@example.com'), (list) => list.length === 1, 30_000);
    expect(mails[0]!.html).toContain('Local 01');
  });

  it('is not silenced by a wake mark whose notifier was terminated before its collection: the reconciler wakes it', async () => {
    const m = await merchant({ name: 'Sin Notificador', locale: 'es', userLocale: 'es', stores: 2, phone: '+34600000023', email: 'sinnotificador@example.com' });
    await report(stack, m.connections[0]!, inactive);
    await eventually(() => mailsTo('sinnotificador@example.com'), (list) => list.length === 1, 30_000);
    // A window is open (its mark set, its signal given) when the second store's alert is recorded
    // behind it; then the notifier is terminated before it collects, and nothing else happens.
    const db = () => stack.db.orm.em.fork().getConnection();
    await setWakeMark(stack, m.orgId);
    const second = await report(stack, m.connections[1]!, inactive);
    // Its opening records the alert again (behind the fresh mark: no signal) before the mark ages.
    await eventually(async () => (await db().execute<{ revision: number }[]>('select revision from repairs where id = ?', [second.repairId]))[0]!.revision, (r) => r > 0);
    await stack.temporal.workflow.getHandle(orgNotifierWorkflowId(m.orgId)).terminate('test: lost before its collection');
    await setWakeMark(stack, m.orgId, 3600);
    const statusOfSecond = async () => (await db().execute<{ status: string }[]>('select status from notification_intents where id = ?', [`${second.repairId}#opening`]))[0]?.status;
    expect(await statusOfSecond()).toBe('recorded');

    const swept = (await stack.temporal.workflow.execute('repairReconcileWorkflow', { workflowId: `reconcile-${m.orgId}`, taskQueue: stack.config.temporal.taskQueue, args: [{ version: 1 }] })) as { notifiersWoken: string[] };
    expect(swept.notifiersWoken).toContain(m.orgId);
    const mails = await eventually(() => mailsTo('sinnotificador@example.com'), (list) => list.length === 2, 40_000);
    expect(mails[1]!.html).toContain('Local 02');
    // The e-mail reaches the sink before its intent is marked sent.
    await eventually(statusOfSecond, (status) => status !== 'recorded');
    // Woken once: the next sweep finds the mark collected.
    const again = (await stack.temporal.workflow.execute('repairReconcileWorkflow', { workflowId: `reconcile-${m.orgId}-again`, taskQueue: stack.config.temporal.taskQueue, args: [{ version: 1 }] })) as { notifiersWoken: string[] };
    expect(again.notifiersWoken).not.toContain(m.orgId);
  });

  it('wakes an abandoned mark once, leaves alone a mark set afresh meanwhile, and keeps a mark whose wake failed for the next sweep', async () => {
    const m = await merchant({ name: 'Marca Abandonada', locale: 'es', userLocale: 'es', stores: 2, phone: '+34600000024', email: 'abandonada@example.com' });
    await report(stack, m.connections[0]!, inactive);
    await eventually(() => mailsTo('abandonada@example.com'), (list) => list.length === 1, 30_000);
    // The second store's alert waits behind a mark; no notifier is signalled here (these sweeps' Temporal only records).
    await setWakeMark(stack, m.orgId);
    await report(stack, m.connections[1]!, inactive);
    const signalled: string[] = [];
    const sweep = (onSignal: () => Promise<void>) => wakeStaleNotifiers(stack.db.orm.em.fork(), {
      ...stack.config, taskQueue: stack.config.temporal.taskQueue,
      temporal: { workflow: { signalWithStart: async (_type: string, options: { workflowId: string }) => { signalled.push(options.workflowId); await onSignal(); } } } as unknown as Client,
    });
    const ofThisOrg = (s: { woken: string[]; failed: { orgId: string }[] }) => ({ woken: s.woken.includes(m.orgId), failed: s.failed.some((f) => f.orgId === m.orgId) });

    // Not abandoned yet: a notifier may be in its follow-up wait.
    await setWakeMark(stack, m.orgId, Math.floor(stack.config.alertWindowMs / 1000) + 61);
    expect(ofThisOrg(await sweep(async () => {}))).toEqual({ woken: false, failed: false });
    // Abandoned, and a new intent sets the mark afresh while the notifier is being woken: that mark stays.
    await setWakeMark(stack, m.orgId, 3600);
    let afresh: string | undefined;
    expect(ofThisOrg(await sweep(async () => { await setWakeMark(stack, m.orgId); afresh = await wakeMarkOf(stack, m.orgId); }))).toEqual({ woken: true, failed: false });
    expect(await wakeMarkOf(stack, m.orgId)).toBe(afresh);
    // Abandoned again: woken and refreshed, so the next sweep leaves it.
    await setWakeMark(stack, m.orgId, 3600);
    expect(ofThisOrg(await sweep(async () => {}))).toEqual({ woken: true, failed: false });
    expect(ofThisOrg(await sweep(async () => {}))).toEqual({ woken: false, failed: false });
    // A wake that fails leaves the mark abandoned for the next sweep.
    await setWakeMark(stack, m.orgId, 3600);
    const before = await wakeMarkOf(stack, m.orgId);
    expect(ofThisOrg(await sweep(async () => { throw new Error('14 UNAVAILABLE'); }))).toEqual({ woken: false, failed: true });
    expect(await wakeMarkOf(stack, m.orgId)).toBe(before);
    expect(signalled.filter((id) => id === orgNotifierWorkflowId(m.orgId))).toHaveLength(3);
  });

  it('honours a wake for an intent it already took: the intents recorded behind that wake mark still go out', async () => {
    const m = await merchant({ name: 'Dos Veces', locale: 'es', userLocale: 'es', stores: 2, phone: '+34600000022', email: 'dosveces@example.com' });
    const first = await report(stack, m.connections[0]!, inactive);
    await eventually(() => mailsTo('dosveces@example.com'), (list) => list.length === 1, 30_000);
    // The race of a flood: the first intent is re-recorded while it is being delivered, sets the wake
    // mark again and signals; meanwhile the second store's intent is recorded behind that mark.
    const db = () => stack.db.orm.em.fork().getConnection();
    await setWakeMark(stack, m.orgId);
    const second = await report(stack, m.connections[1]!, inactive);
    expect((await db().execute<{ status: string }[]>('select status from notification_intents where id = ?', [`${second.repairId}#opening`]))[0]?.status).toBe('recorded');
    await stack.temporal.workflow.getHandle(orgNotifierWorkflowId(m.orgId)).signal(alertRequestedSignal, { intentId: `${first.repairId}#opening`, repairId: first.repairId, kind: 'action_needed', at: Date.now() });
    // Before, the notifier dropped that signal as a duplicate and waited for another one for its idle half hour.
    const mails = await eventually(() => mailsTo('dosveces@example.com'), (list) => list.length === 2, 40_000);
    expect(mails[1]!.html).toContain('Local 02');
    expect(mails[1]!.html).not.toContain('Local 01');
    await recordHistory(stack.temporal, orgNotifierWorkflowId(m.orgId), 'org-notifier-rewake');
  });
});

// Fairness and priority reach the server: each repair and notifier starts with its organization as
// the fairness key, a new repair's opening goes ahead while the organization is open, a person's
// pairing goes first, and a repair's own work stays in its organization's share. Read from the
// workflows' histories on the real dev server (started with fairness on).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { temporal } from '@temporalio/proto';
import { createAlertingMerchant } from '../helpers/alerting-merchant.js';
import { act, errorCode, eventually, report, startRepairStack, type RepairStack } from '../helpers/repair-stack.js';
import { orgNotifierWorkflowId } from '../../workflows/org-notifier/messages.js';
import { PRIORITY } from '../../core/temporal/priorities.js';

let stack: RepairStack;
beforeAll(async () => {
  stack = await startRepairStack({ env: { ALERT_WINDOW_MS: '200' } });
});
afterAll(async () => stack?.close());

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const events = async (workflowId: string): Promise<HistoryEvent[]> => (await stack.temporal.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
const startedPriority = (history: HistoryEvent[]) => history.find((e) => e.workflowExecutionStartedEventAttributes)?.workflowExecutionStartedEventAttributes?.priority;
const scheduled = (history: HistoryEvent[], activityType: string) =>
  history.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === activityType).map((e) => e.activityTaskScheduledEventAttributes!.priority);

/** Support hours that exclude the present hour (UTC), with an hour's margin either side. */
function closedNow(): object[] {
  const hour = new Date().getUTCHours();
  const from = hour <= 20 ? hour + 2 : 1;
  const clock = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: clock(from), to: clock(from + 1), timezone: 'UTC' }];
}

describe('a repair open by its organization\'s hours', () => {
  it('starts ahead of ordinary work in its organization\'s share; a person\'s pairing goes first; its notifier too', async () => {
    const m = await createAlertingMerchant(stack, { name: 'Fair Open', phone: '+34600000101', email: 'fair-open@example.com' });
    const opened = await report(stack, m.connections[0]!, errorCode('deliveroo', 'invalid_credentials'));
    expect(startedPriority(await events(opened.workflowId))).toMatchObject({ priorityKey: PRIORITY.firstAlert, fairnessKey: m.orgId });

    const tried = await act(stack, opened.repairId, 'credentials', { actingUserId: m.userId, username: m.accountRefs[0], password: 'not-the-password' });
    expect(tried.status).toBe(200);
    expect(scheduled(await events(opened.workflowId), 'pairWithCredentials')).toEqual([expect.objectContaining({ priorityKey: PRIORITY.personWaiting, fairnessKey: m.orgId })]);

    const notifier = await eventually(() => events(orgNotifierWorkflowId(m.orgId)), (h) => scheduled(h, 'deliverAlerts').length > 0);
    expect(startedPriority(notifier)).toMatchObject({ priorityKey: PRIORITY.alertDelivery, fairnessKey: m.orgId });
    expect(scheduled(notifier, 'deliverAlerts')[0]).toMatchObject({ priorityKey: PRIORITY.alertDelivery, fairnessKey: m.orgId });
  });
});

describe('a repair outside its organization\'s hours', () => {
  it('starts at ordinary priority, still in its organization\'s share; a second report does not change it', async () => {
    const m = await createAlertingMerchant(stack, { name: 'Fair Closed', phone: '+34600000102', email: 'fair-closed@example.com', hours: closedNow() });
    const opened = await report(stack, m.connections[0]!, errorCode('deliveroo', 'invalid_credentials'));
    const joined = await report(stack, m.connections[0]!, errorCode('deliveroo', 'invalid_credentials'));
    expect(joined).toMatchObject({ repairId: opened.repairId, joined: true });
    expect(startedPriority(await events(opened.workflowId))).toMatchObject({ priorityKey: PRIORITY.repair, fairnessKey: m.orgId });
  });
});

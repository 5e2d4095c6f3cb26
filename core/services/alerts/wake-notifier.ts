// Hands an alert intent to the organization's notifier workflow, started if it is not running: from
// a repair's activities (notify.activities.ts) and from report intake (a new repair's first alert).
import type { Client } from '@temporalio/client';
import { alertRequestedSignal, orgNotifierWorkflowId, type AlertIntent, type AlertRetry } from '../../../workflows/org-notifier/messages.js';
import type { orgNotifierWorkflow } from '../../../workflows/org-notifier/org-notifier.workflow.js';
import { orgPriority, PRIORITY } from '../../temporal/priorities.js';

export interface NotifierSettings {
  temporal: Client;
  taskQueue: string;
  /** The grouping window of the notifier (mass outages become one message). */
  alertWindowMs: number;
  /** How long the notifier retries a channel that is down (unset: the notifier's default). */
  alertRetry?: AlertRetry;
}

export async function wakeNotifier(d: NotifierSettings, orgId: string, intent: AlertIntent): Promise<void> {
  await d.temporal.workflow.signalWithStart<typeof orgNotifierWorkflow, [AlertIntent]>('orgNotifierWorkflow', {
    workflowId: orgNotifierWorkflowId(orgId),
    taskQueue: d.taskQueue,
    args: [{ version: 1, orgId, windowMs: d.alertWindowMs, ...(d.alertRetry ? { retry: d.alertRetry } : {}) }],
    // Alerts are what people wait for: the notifier's tasks go ahead of repairs' ordinary work, in the organization's share.
    priority: orgPriority(orgId, PRIORITY.alertDelivery),
    signal: alertRequestedSignal,
    signalArgs: [intent],
  });
}

// A repair asks for people to be told something: the intent is recorded (the repair detail lists
// it) and handed to the organization's notifier workflow, started if it is not running.
import type { Client } from '@temporalio/client';
import type { Orm } from '../core/db/orm.js';
import { alertRequestedSignal, CANNOT_WAIT_KINDS, orgNotifierWorkflowId, type AlertIntent, type AlertKind, type AlertRetry } from '../workflows/org-notifier/messages.js';
import { type RepairSnapshot } from '../workflows/repair/messages.js';
import type { orgNotifierWorkflow } from '../workflows/org-notifier/org-notifier.workflow.js';
import { activityKey } from './records.activities.js';
import { orgPriority, PRIORITY } from '../core/temporal/priorities.js';
import { Context } from '@temporalio/activity';
import { recordIntent } from './alerts/record-intent.js';

export type NotificationKind = AlertKind;

export interface NotifyRepairInput {
  repairId: string;
  orgId: string;
  kind: NotificationKind;
  snapshot: RepairSnapshot;
  /** Numbers not to tell (an acknowledgement's own author). */
  audience?: { except: string[] };
  /** Tells apart the intents one activity records (the opening): unset for one intent. */
  part?: string;
}

export interface NotifyDependencies {
  orm: Orm;
  temporal: Client;
  taskQueue: string;
  /** The grouping window of the notifier (mass outages become one message). */
  alertWindowMs: number;
  /** How long the notifier retries a channel that is down (unset: the notifier's default). */
  alertRetry?: AlertRetry;
}

export function createNotifyActivities(d: NotifyDependencies) {
  return {
    async notifyRepair({ repairId, orgId, kind, audience, part }: NotifyRepairInput): Promise<void> {
      const intentId = part ? `${activityKey()}#${part}` : activityKey();
      const now = Date.now();
      const woke = await recordIntent(d, { intentId, repairId, orgId, kind, at: now });
      // The window's first intent wakes the notifier; the others wait in the table and are collected
      // with it (a mass outage: one signal per organization and window, not one per repair). A retry
      // signals anyway (its first attempt may have woken nobody), as do an intent that names whom not to
      // tell and one that cannot wait for a follow-up window.
      if (!woke && !audience && !CANNOT_WAIT_KINDS.has(kind) && Context.current().info.attempt === 1) return;
      await d.temporal.workflow.signalWithStart<typeof orgNotifierWorkflow, [AlertIntent]>('orgNotifierWorkflow', {
        workflowId: orgNotifierWorkflowId(orgId),
        taskQueue: d.taskQueue,
        args: [{ version: 1, orgId, windowMs: d.alertWindowMs, ...(d.alertRetry ? { retry: d.alertRetry } : {}) }],
        // Alerts are what people wait for: the notifier's tasks go ahead of repairs' ordinary work, in the organization's share.
        priority: orgPriority(orgId, PRIORITY.alertDelivery),
        signal: alertRequestedSignal,
        signalArgs: [{ intentId, repairId, kind, at: now, ...(audience ? { except: audience.except } : {}) }],
      });
    },
  };
}

// A repair asks for people to be told something: the intent is recorded (the repair detail lists
// it) and handed to the organization's notifier workflow, started if it is not running.
import type { Client } from '@temporalio/client';
import type { Orm } from '../core/db/orm.js';
import { alertRequestedSignal, orgNotifierWorkflowId, type AlertIntent, type AlertKind, type AlertRetry } from '../workflows/org-notifier/messages.js';
import { type RepairSnapshot } from '../workflows/repair/messages.js';
import type { orgNotifierWorkflow } from '../workflows/org-notifier/org-notifier.workflow.js';
import { activityKey } from './records.activities.js';
import { orgPriority, PRIORITY } from '../core/temporal/priorities.js';

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
      await d.orm.em
        .fork()
        .getConnection()
        .execute("insert into notification_intents (id, repair_id, org_id, kind, status, created_at) values (?, ?, ?, ?, 'recorded', ?) on conflict (id) do nothing", [
          intentId,
          repairId,
          orgId,
          kind,
          new Date(now),
        ]);
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

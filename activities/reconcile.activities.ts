// The repair row is written before Temporal starts its workflow (core/services/repairs/accept-report.ts). When that
// start fails and nobody retries the report, the repair would stay open with no workflow: this sweep
// finds such repairs (never written by a workflow, older than a grace period) and starts them. It also
// wakes the notifiers of stale wake marks with alerts waiting (core/services/alerts/stale-wakes.ts).
import { log, metricMeter } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { RepairTimings } from '../core/config/repair-timings.js';
import type { Orm } from '../core/db/orm.js';
import { handReportToWorkflow } from '../core/services/repairs/accept-report.js';
import { connectionFactsOfRow, type ConnectionFactsRow } from '../core/services/repairs/connection-facts.js';
import { wakeStaleNotifiers } from '../core/services/alerts/stale-wakes.js';
import type { NotifierSettings } from '../core/services/alerts/wake-notifier.js';

/** The notifier's settings (the Temporal client and task queue among them): the sweep also wakes notifiers. */
export interface ReconcileDependencies extends NotifierSettings {
  orm: Orm;
  repairTimings: RepairTimings;
}

interface UnstartedRepair extends ConnectionFactsRow {
  id: string;
  workflow_id: string;
  error_code: string | null;
  error_message: string | null;
}

export interface ReconcileResult {
  checked: number;
  started: string[];
  /** Organizations whose notifier was woken for alerts waiting behind an abandoned wake mark. */
  notifiersWoken: string[];
}

const BATCH = 200;

export function createReconcileActivities(d: ReconcileDependencies) {
  /** True when the workflow of the connection runs (this repair's, or one that will continue into it). */
  async function isRunning(workflowId: string): Promise<boolean> {
    try {
      return (await d.temporal.workflow.getHandle(workflowId).describe()).status.name === 'RUNNING';
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  return {
    async reconcileRepairs(): Promise<ReconcileResult> {
      // The meter exists only inside an activity; the worker exports it to Prometheus.
      const startedCounter = metricMeter.createCounter('repair_reconcile_started', 'repairs', 'Open repairs whose workflow had never started, started by the reconciler');
      // Revision 0: no workflow ever wrote the row (its first write sets a revision of 1 or more).
      const rows = await d.orm.em
        .fork()
        .getConnection()
        .execute<UnstartedRepair[]>(
          `select id, workflow_id, org_id, connection_id, provider, account_ref, store_ids, error_code, error_message from repairs
           where resolved_at is null and revision = 0 and opened_at < now() - make_interval(secs => ?) order by opened_at limit ?`,
          [d.repairTimings.reconcileAfterMs / 1000, BATCH],
        );
      const started: string[] = [];
      for (const r of rows) {
        if (!r.error_code || (await isRunning(r.workflow_id))) continue;
        const connection = connectionFactsOfRow(r);
        // A report id of its own: a second sweep, racing a late start, counts the report once.
        await handReportToWorkflow(d, { repairId: r.id, workflowId: r.workflow_id }, connection, { errorCode: r.error_code, errorMessage: r.error_message ?? undefined, source: 'api' }, `rpt_reconcile_${r.id}`);
        log.warn('repair reconciled: its workflow had never started; started it now', { repairId: r.id, workflowId: r.workflow_id, connectionId: r.connection_id });
        startedCounter.add(1);
        started.push(r.id);
      }
      const wakes = await wakeStaleNotifiers(d.orm.em.fork(), d);
      for (const orgId of wakes.woken) log.warn('notifier woken by the reconciler: alerts waited behind an abandoned wake mark', { orgId });
      for (const { orgId, reason } of wakes.failed) log.error('notifier behind an abandoned wake mark could not be woken; the next sweep tries again', { orgId, reason });
      return { checked: rows.length, started, notifiersWoken: wakes.woken };
    },
  };
}

// Keeps the readable copy of each repair in PostgreSQL: its row, its history, its connection's status.
import { Context, log } from '@temporalio/activity';
import type { Orm } from '../core/db/orm.js';
import type { WorkerCounters } from '../core/metrics/worker-counters.js';
import type { RepairSnapshot } from '../workflows/repair/messages.js';
import type { ActionOutcome, RepairAction } from '../workflows/repair/repair-rules.js';
import { refusingBadData } from './refused-records.js';

export interface RepairEventInput {
  at: number;
  kind: 'reported' | 'error_changed' | 'attempt' | 'deferred' | 'support_requested' | 'reminder' | 'escalated' | 'resolved' | 'acknowledged' | 'called';
  actorUserId?: string;
  action?: RepairAction;
  outcome?: ActionOutcome;
  errorType?: string;
  cause?: string;
  errorCode?: string;
  detail?: Record<string, unknown>;
}

export interface SaveRepairInput {
  workflowId: string;
  snapshot: RepairSnapshot;
  event?: RepairEventInput;
  connectionStatus?: 'healthy' | 'needs_attention';
  /** Tells apart the writes one activity makes (the opening): unset for one write. */
  part?: string;
}

/** Idempotency key of this activity execution: the same on every retry, different for every call. */
export function activityKey(): string {
  const info = Context.current().info;
  const run = info.workflowExecution;
  return `${run?.workflowId ?? 'standalone'}/${run?.runId ?? ''}/${info.activityId}`;
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

export function createRecordActivities({ orm, metrics }: { orm: Orm; metrics: WorkerCounters }) {
  return {
    /** Upserts the repair row (only if this revision is newer), appends the event once, and sets the connection status. */
    async saveRepair({ workflowId, snapshot: s, event, connectionStatus, part }: SaveRepairInput): Promise<void> {
      if (event) log.info(`repair ${event.kind}`, { repairId: s.repairId, state: s.state, errorType: s.error?.errorType, outcome: event.outcome, actorUserId: event.actorUserId });
      const closed = s.state === 'healthy' || s.state === 'repaired_elsewhere';
      // One statement, so one round trip and one transaction: every state change of every repair
      // passes here (the opening in a mass outage too), and each round trip costs system calls.
      // A stale save (an older revision) writes its event but leaves the connection's status to the
      // newer one; waiting on `saved` also takes the repair's row before the connection's, as intake does.
      const rows = await refusingBadData(`the record of repair ${s.repairId}`, () => orm.em.fork().getConnection().execute<{ events_written: number }[]>(
        `with saved as (
           insert into repairs (id, workflow_id, org_id, connection_id, provider, account_ref, store_ids, state, error_code, error_message, error_type, cause, resolution,
             attempts, last_outcome, report_count, reminder_count, escalation, support_requested, deferred_until, opened_at, updated_at, resolved_at, outcome, revision,
             acknowledged_by, acknowledged_at)
           values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, ?, ?, ?, ?)
           on conflict (id) do update set state = excluded.state, error_code = excluded.error_code, error_message = excluded.error_message,
             error_type = excluded.error_type, cause = excluded.cause, resolution = excluded.resolution, attempts = excluded.attempts,
             last_outcome = excluded.last_outcome, report_count = excluded.report_count, reminder_count = excluded.reminder_count,
             escalation = excluded.escalation, support_requested = excluded.support_requested, deferred_until = excluded.deferred_until,
             updated_at = now(), resolved_at = excluded.resolved_at, outcome = excluded.outcome, revision = excluded.revision,
             acknowledged_by = excluded.acknowledged_by, acknowledged_at = excluded.acknowledged_at
           where repairs.revision <= excluded.revision
           returning id),
         written as (
           insert into repair_events (id, repair_id, at, kind, actor_user_id, action, outcome, error_type, cause, error_code, detail)
           select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb where ?
           on conflict (id) do nothing
           returning id),
         marked as (update connections set status = ?, updated_at = now() where id = ? and ? and exists (select 1 from saved) returning id)
         select (select count(*) from written)::int as events_written`,
        [
          s.repairId, workflowId, s.connection.orgId, s.connection.connectionId, s.connection.provider, s.connection.accountRef, JSON.stringify(s.connection.storeIds),
          s.state, s.error?.code ?? null, s.error?.message ?? null, s.error?.errorType ?? null, s.error?.cause ?? null, s.error?.resolution ?? null,
          s.attempts, s.lastOutcome, s.reportCount, s.reminderCount, s.escalation, s.supportRequested, date(s.deferredUntil), date(s.openedAt),
          closed ? date(s.lastActivityAt) : null, closed ? s.state : null, s.revision, s.acknowledgedBy ?? null, date(s.acknowledgedAt ?? null),
          part ? `${activityKey()}#${part}` : activityKey(), s.repairId, event ? new Date(event.at) : null, event?.kind ?? null, event?.actorUserId ?? null, event?.action ?? null,
          event?.outcome ?? null, event?.errorType ?? null, event?.cause ?? null, event?.errorCode ?? null, event?.detail ? JSON.stringify(event.detail) : null, event !== undefined,
          connectionStatus ?? null, s.connection.connectionId, connectionStatus !== undefined,
        ],
      ));
      const eventWritten = rows[0]!.events_written === 1;
      // Counted here, after the commit, and only by the execution that wrote the event row: a retry or
      // a replayed local activity finds the row (same activity key) and counts nothing.
      if (event && eventWritten) countRepairEvent(metrics, s, event);
    },
  };
}

function countRepairEvent(metrics: WorkerCounters, s: RepairSnapshot, event: RepairEventInput): void {
  if (event.kind === 'reported') metrics.repairOpened({ provider: s.connection.provider, errorType: event.errorType });
  if (event.kind === 'resolved' && (s.state === 'healthy' || s.state === 'repaired_elsewhere')) {
    metrics.repairResolved({ provider: s.connection.provider, errorType: s.error?.errorType, outcome: s.state, seconds: (event.at - s.openedAt) / 1000 });
  }
}

// What a repair writes down and tells: its record (PostgreSQL), its webhook events, its alerts,
// and outage evidence for the provider's health workflow. Each takes a copy of the snapshot.
import { workflowInfo } from '@temporalio/workflow';
import type { RepairEventInput } from '../../activities/records.activities.js';
import type { NotificationKind } from '../../activities/notify.activities.js';
import type { WebhookEventType } from '../webhook-dispatcher/messages.js';
import { bookkeeping, providerHealth } from './activity-proxies.js';
import type { RepairRun } from './repair-run.js';

export type RepairEvent = Omit<RepairEventInput, 'at'>;

/** Saves the snapshot (the database keeps the newest revision), with an event for the repair's history. */
export async function save(run: RepairRun, event?: RepairEvent, connectionStatus?: 'healthy' | 'needs_attention'): Promise<void> {
  const snapshot = { ...run.repair };
  await bookkeeping.saveRepair({ workflowId: workflowInfo().workflowId, snapshot, event: event ? { ...event, at: Date.now() } : undefined, connectionStatus });
}

/** A webhook event for the organization's subscribers, in order per repair. */
export async function emit(run: RepairRun, type: WebhookEventType, data: Record<string, unknown> = {}): Promise<void> {
  const { repairId, connection, state, error, attempts } = run.repair;
  await bookkeeping.publishEvent({
    type,
    orgId: connection.orgId,
    streamKey: repairId,
    at: Date.now(),
    data: { repairId, connectionId: connection.connectionId, provider: connection.provider, state, errorType: error?.errorType ?? null, cause: error?.cause ?? null, resolution: error?.resolution ?? null, attempts, ...data },
  });
}

/** An alert for the organization's people (grouped per organization by its notifier). */
export async function notify(run: RepairRun, kind: NotificationKind, audience?: { except: string[] }): Promise<void> {
  await bookkeeping.notifyRepair({ repairId: run.repair.repairId, orgId: run.repair.connection.orgId, kind, snapshot: { ...run.repair }, ...(audience ? { audience } : {}) });
}

/** The alert that asks people to act; a provider outage asks nothing of them but feeds its health workflow. */
export async function announceError(run: RepairRun): Promise<void> {
  run.publish();
  await reportOutage(run);
  if (run.repair.error && run.repair.error.resolution !== 'retry') {
    await notify(run, 'action_needed');
    await emit(run, 'repair.action_needed');
  }
}

async function reportOutage(run: RepairRun): Promise<void> {
  const { error, connection, repairId } = run.repair;
  if (error?.errorType !== 'provider_unavailable') return;
  const failure = { connectionId: connection.connectionId, accountRef: connection.accountRef, repairId, code: error.code, at: Date.now() };
  await providerHealth.reportProviderFailure({ provider: connection.provider, failure });
}

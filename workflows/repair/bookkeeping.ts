// What a repair writes down and tells: its record (PostgreSQL), its webhook events, its alerts,
// and outage evidence for the provider's health workflow. Each takes a copy of the snapshot.
import { workflowInfo } from '@temporalio/workflow';
import type { RepairEventInput } from '../../activities/records.activities.js';
import type { NotificationKind } from '../../activities/notify.activities.js';
import type { WebhookEventType } from '../webhook-dispatcher/messages.js';
import { bookkeeping, providerHealth } from './activity-proxies.js';
import type { RepairRun } from './repair-run.js';

export type RepairEvent = Omit<RepairEventInput, 'at'>;

const saving = (run: RepairRun, event?: RepairEvent, connectionStatus?: 'healthy' | 'needs_attention') =>
  ({ workflowId: workflowInfo().workflowId, snapshot: { ...run.repair }, event: event ? { ...event, at: Date.now() } : undefined, connectionStatus });

/** Saves the snapshot (the database keeps the newest revision), with an event for the repair's history. */
export async function save(run: RepairRun, event?: RepairEvent, connectionStatus?: 'healthy' | 'needs_attention'): Promise<void> {
  await bookkeeping.saveRepair(saving(run, event, connectionStatus));
}

/** A webhook event for the organization's subscribers, in order per repair. */
export async function emit(run: RepairRun, type: WebhookEventType, data: Record<string, unknown> = {}): Promise<void> {
  await bookkeeping.publishEvent(eventOf(run, type, data));
}

function eventOf(run: RepairRun, type: WebhookEventType, data: Record<string, unknown> = {}) {
  const { repairId, connection, state, error, attempts } = run.repair;
  return {
    type,
    orgId: connection.orgId,
    streamKey: repairId,
    at: Date.now(),
    data: { repairId, connectionId: connection.connectionId, provider: connection.provider, state, errorType: error?.errorType ?? null, cause: error?.cause ?? null, resolution: error?.resolution ?? null, attempts, ...data },
  };
}

const alertOf = (run: RepairRun, kind: NotificationKind) => ({ repairId: run.repair.repairId, orgId: run.repair.connection.orgId, kind, snapshot: { ...run.repair } });

/** An alert for the organization's people (grouped per organization by its notifier). */
export async function notify(run: RepairRun, kind: NotificationKind, audience?: { except: string[] }): Promise<void> {
  await bookkeeping.notifyRepair({ ...alertOf(run, kind), ...(audience ? { audience } : {}) });
}

/**
 * The opening's record, `repair.opened`, and (unless the provider is down) the alert and
 * `repair.action_needed`, in one local activity (activities/opening.activities.ts): the same writes
 * as save + emit + announceError, in the same order, for one activation instead of four.
 */
export async function recordOpening(run: RepairRun, event: RepairEvent): Promise<void> {
  const record = saving(run, event, 'needs_attention');
  const opened = eventOf(run, 'repair.opened', { storeIds: run.repair.connection.storeIds });
  run.publish();
  const askPeople = run.repair.error !== null && run.repair.error.resolution !== 'retry';
  await bookkeeping.recordOpening({ record, opened, ...(askPeople ? { actionNeeded: { alert: alertOf(run, 'action_needed'), event: eventOf(run, 'repair.action_needed') } } : {}) });
  run.opened = true;
  await reportOutage(run);
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

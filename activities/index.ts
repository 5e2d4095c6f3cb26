// Activities are built from their dependencies, never from module singletons.
import type { Orm } from '../core/db/orm.js';
import type { WorkerCounters } from '../core/metrics/worker-counters.js';
import { createAlertActivities, type AlertDependencies } from './alerts/deliver-alerts.activities.js';
import { createCallActivities } from './alerts/call-emergency.js';
import { createNotifyActivities, type NotifyDependencies } from './notify.activities.js';
import { createPairingActivities, type PairingDependencies } from './pairing.activities.js';
import { createRecordActivities } from './records.activities.js';
import { createOpeningActivities } from './opening.activities.js';
import { createWebhookActivities, type WebhookDependencies } from './webhooks.activities.js';
import { createTicketActivities, type TicketDependencies } from './tickets.activities.js';
import { createProviderHealthActivities, type ProviderHealthDependencies } from './provider-health.activities.js';
import { createProbeActivities, type ProbeDependencies } from './probe.activities.js';
import { createInvitationActivities, type InvitationDependencies } from './invitations.activities.js';
import { createReconcileActivities, type ReconcileDependencies } from './reconcile.activities.js';
import { createPrinterWatchActivities, type PrinterWatchDependencies } from './printer-watch.activities.js';

export interface ActivityDependencies extends PairingDependencies, NotifyDependencies, AlertDependencies, WebhookDependencies, TicketDependencies, ProviderHealthDependencies, ProbeDependencies, InvitationDependencies, ReconcileDependencies, PrinterWatchDependencies {
  orm: Orm;
  /** The worker's counters (worker.ts builds them over its registry); each activity counts once, after its row changed. */
  metrics: WorkerCounters;
}

export function createActivities(deps: ActivityDependencies) {
  const webhooks = createWebhookActivities(deps);
  const records = createRecordActivities(deps);
  const notify = createNotifyActivities(deps);
  return {
    ...records,
    ...createPairingActivities(deps),
    ...notify,
    ...createOpeningActivities({ ...records, ...notify, publishEvent: webhooks.publishEvent }),
    ...createAlertActivities(deps),
    ...createCallActivities(deps),
    ...webhooks,
    ...createProviderHealthActivities(deps, webhooks),
    ...createProbeActivities(deps),
    ...createTicketActivities(deps, webhooks),
    ...createInvitationActivities(deps),
    ...createReconcileActivities(deps),
    ...createPrinterWatchActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;

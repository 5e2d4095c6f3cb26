// The org notifier's activities: collect a window's intents, deliver a window of alerts, release the SMS held for support
// hours, and give up on what repeated temporary failures kept from going out.
import type { AlertIntent } from '../../workflows/org-notifier/messages.js';
import { Context } from '@temporalio/activity';
import { heartbeating } from '../heartbeating.js';
import type { AlertDependencies } from './alert-dependencies.js';
import { collectAlertIntents } from './collect-alert-intents.js';
import { deliverAlerts, type DeliverAlertsInput } from './deliver-alerts.js';
import { giveUpUndelivered } from './give-up-undelivered.js';
import { releaseHeldAlerts } from './release-held-alerts.js';

export type { AlertDependencies } from './alert-dependencies.js';

export function createAlertActivities(d: AlertDependencies) {
  return {
    // A local activity since the window-from-first-alert patch (no heartbeats there); notifiers
    // started before schedule it as an activity with a heartbeat timeout.
    collectAlertIntents: (input: { orgId: string; signalled: AlertIntent[] }) =>
      Context.current().info.isLocal ? collectAlertIntents(d, input) : heartbeating(collectAlertIntents(d, input)),
    deliverAlerts: (input: DeliverAlertsInput) => heartbeating(deliverAlerts(d, input)),
    releaseHeldAlerts: (input: { orgId: string; at?: number }) => releaseHeldAlerts(d, input),
    giveUpUndelivered: (input: { orgId: string; keyPrefix: string; dueHeld: boolean; intentIds?: string[] }) => giveUpUndelivered(d, input),
  };
}

// Activity stubs for the repair workflow, with timeouts and retries set once per group.
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { SECRET_FAILURE_TYPE_NAMES } from './secret-failures.js';
import { orgPriority, type PriorityLevel } from '../../core/temporal/priorities.js';

/**
 * Pairing asks the provider once per attempt (the connector does not retry), up to three attempts.
 * It heartbeats: a pairing lost with its worker is retried within seconds, not after 90. A person's
 * pairing goes ahead of everything in the queue; the repair's own checks wait behind (both in the
 * organization's fair share: core/temporal/priorities.ts).
 */
export function pairingFor(orgId: string, priorityKey: PriorityLevel) {
  return proxyActivities<Pick<Activities, 'pairWithCredentials' | 'pairWithCode' | 'checkConnection'>>({
    startToCloseTimeout: '90 seconds',
    heartbeatTimeout: '10 seconds',
    retry: { maximumAttempts: 3, initialInterval: '2 seconds', nonRetryableErrorTypes: SECRET_FAILURE_TYPE_NAMES },
    priority: orgPriority(orgId, priorityKey),
  });
}

/** Provider health: outage evidence and the degraded flag, kept by each provider's health workflow. */
export const providerHealth = proxyActivities<Pick<Activities, 'reportProviderFailure' | 'isProviderDegraded'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * An escalation's ticket, retried for about an hour and then given up (the repair logs it and goes
 * on waiting): a ticket that cannot open must not hold the repair, its reports or its closing.
 */
export const escalationTicket = proxyActivities<Pick<Activities, 'openTicketForRepair'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 12 },
});

/**
 * The record, webhook events and alert intents as local activities: run by the worker inside the
 * workflow task, with no server round trip each, so opening a repair costs Temporal one start and
 * one workflow task. A mass outage is mostly this bookkeeping. Retried until PostgreSQL is back (a
 * repair never loses its record); local retries turn into timers after a minute.
 */
export const bookkeeping = proxyLocalActivities<Pick<Activities, 'saveRepair' | 'publishEvent' | 'notifyRepair' | 'recordOpening'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * The emergency escalation's call: a few tries over about ten minutes (a call is urgent or
 * pointless), then given up; the repair logs it and stays escalated (docs/alert-answers.md).
 */
export const emergencyCall = proxyActivities<Pick<Activities, 'callEmergencyContacts'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 6 },
});

// Activity stubs for the repair workflow, with timeouts and retries set once per group.
import { proxyActivities, proxyLocalActivities, type RetryPolicy } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { SECRET_FAILURE_TYPE_NAMES } from './secret-failures.js';

/** Database writes: retried until PostgreSQL is back; a repair never loses its record. */
export const records = proxyActivities<Pick<Activities, 'saveRepair'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

type PairingActivities = Pick<Activities, 'pairWithCredentials' | 'pairWithCode' | 'checkConnection'>;
const pairingRetry: RetryPolicy = { maximumAttempts: 3, initialInterval: '2 seconds', nonRetryableErrorTypes: SECRET_FAILURE_TYPE_NAMES };

/** Pairing asks the provider once per attempt (the connector does not retry), up to three attempts. */
export const pairing = proxyActivities<PairingActivities>({ startToCloseTimeout: '90 seconds', retry: pairingRetry });

/** The same, heartbeating: a pairing lost with its worker is retried within seconds, not after 90. */
export const heartbeatingPairing = proxyActivities<PairingActivities>({ startToCloseTimeout: '90 seconds', heartbeatTimeout: '10 seconds', retry: pairingRetry });

export const notifications = proxyActivities<Pick<Activities, 'notifyRepair'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** Webhook events are recorded quickly; their delivery (with day-long retries) runs elsewhere. */
export const events = proxyActivities<Pick<Activities, 'publishEvent' | 'openTicketForRepair' | 'reportProviderFailure' | 'isProviderDegraded'>>({
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

type Bookkeeping = Pick<Activities, 'saveRepair' | 'publishEvent' | 'notifyRepair'>;

/** The record, webhook events and alert intents as ordinary activities (repairs started before local bookkeeping). */
export const remoteBookkeeping: Bookkeeping = { saveRepair: records.saveRepair, publishEvent: events.publishEvent, notifyRepair: notifications.notifyRepair };

/**
 * The same as local activities: run by the worker inside the workflow task, with no server round
 * trip each, so opening a repair costs Temporal one start and one workflow task. A mass outage is
 * mostly this bookkeeping. Retried like the ordinary ones (local retries turn into timers after a minute).
 */
export const localBookkeeping: Bookkeeping = proxyLocalActivities<Bookkeeping>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

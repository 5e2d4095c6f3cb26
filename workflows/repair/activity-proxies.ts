// Activity stubs for the repair workflow, with timeouts and retries set once per group.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';

/** Database writes: retried until PostgreSQL is back; a repair never loses its record. */
export const records = proxyActivities<Pick<Activities, 'saveRepair'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Pairing reads a one-time secret, so it is not retried blindly: the connector retries HTTP itself. */
export const pairing = proxyActivities<Pick<Activities, 'pairWithCredentials' | 'pairWithCode' | 'checkConnection'>>({
  startToCloseTimeout: '90 seconds',
  retry: { maximumAttempts: 3, initialInterval: '2 seconds', nonRetryableErrorTypes: ['SecretUnavailable'] },
});

export const notifications = proxyActivities<Pick<Activities, 'notifyRepair'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** Webhook events are recorded quickly; their delivery (with day-long retries) runs elsewhere. */
export const events = proxyActivities<Pick<Activities, 'publishEvent' | 'openTicketForRepair' | 'reportProviderFailure' | 'isProviderDegraded'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

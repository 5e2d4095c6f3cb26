// What the services need from the process: built once per process (the API in its services
// plugin, the worker in its activities' dependencies). Every service is a function
// `(em, ctx, input)` whose ctx is a Pick of this, naming only what that service uses.
import type { Client } from '@temporalio/client';
import type { AppConfig } from '../config/config.js';
import type { RepairTimings } from '../config/repair-timings.js';
import { SecretBox } from '../secrets/secret-box.js';

export interface ServiceContext {
  temporal: Client;
  /** The queue workflows started by a service run on (the worker polls it). */
  taskQueue: string;
  secretBox: SecretBox;
  repairTimings: RepairTimings;
  tickets: AppConfig['tickets'];
  webhookRetryInitialMs: number;
  cloudPrinting: AppConfig['cloudPrinting'];
  /** The notifiers' grouping window and channel retries: report intake starts a notifier too. */
  alertWindowMs: number;
  alertRetry?: AppConfig['alertRetry'];
}

export function serviceContext(config: AppConfig, temporal: Client): ServiceContext {
  return {
    temporal,
    taskQueue: config.temporal.taskQueue,
    secretBox: new SecretBox(config.secretKeys.keys, config.secretKeys.current),
    repairTimings: config.repairTimings,
    tickets: config.tickets,
    webhookRetryInitialMs: config.webhookRetryInitialMs,
    cloudPrinting: config.cloudPrinting,
    alertWindowMs: config.alertWindowMs,
    alertRetry: config.alertRetry,
  };
}

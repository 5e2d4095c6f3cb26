// What the alert activities are built from (the worker passes its activity dependencies).
import type { Orm } from '../../core/db/orm.js';
import type { WorkerCounters } from '../../core/metrics/worker-counters.js';
import type { SecretBox } from '../../core/secrets/secret-box.js';
import type { AlertChannels } from './alert-channels.js';

export interface AlertDependencies {
  orm: Orm;
  channels: AlertChannels;
  publicUrl: string;
  linkKey: Buffer;
  /** Seals the tickets queued for cloud printers (their link opens the repair). */
  secretBox: SecretBox;
  /** How long a ticket waits for its cloud printer. */
  printJobTtlMs: number;
  /** Messages sent or given up on, and SMS segments, counted once each when their status is saved. */
  metrics: WorkerCounters;
}

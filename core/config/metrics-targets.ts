// Every /metrics endpoint one API and one worker serve: what a Prometheus scrapes (the launcher's
// generated configuration, the test that reads the real series). A new metrics listener goes here.
import type { AppConfig } from './config.js';

export interface MetricsTarget {
  /** The Prometheus job: which process. */
  job: 'repair-api' | 'repair-worker' | 'repair-worker-sdk';
  /** host:port, as a scrape configuration names it. */
  address: string;
}

const hostPort = (at: { host: string; port: number }) => `${at.host.includes(':') ? `[${at.host}]` : at.host}:${at.port}`;

export function metricsTargets(config: Pick<AppConfig, 'metrics' | 'worker'>): MetricsTarget[] {
  const worker = config.worker.metrics;
  return [
    { job: 'repair-api', address: hostPort(config.metrics) },
    { job: 'repair-worker', address: hostPort(worker) },
    // The Temporal SDK's own metrics (temporal_*), served by its core on a listener of its own.
    { job: 'repair-worker-sdk', address: hostPort({ host: worker.host, port: worker.sdkPort }) },
  ];
}

export const metricsUrl = (target: MetricsTarget) => `http://${target.address}/metrics`;

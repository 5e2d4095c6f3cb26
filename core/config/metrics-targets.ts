// Every /metrics endpoint one API and one worker serve: what a Prometheus scrapes (the launcher's
// generated configuration, the test that reads the real series). A new metrics listener goes here.
import type { AppConfig } from './config.js';

export interface MetricsTarget {
  /** The Prometheus job: which process. */
  job: 'repair-api' | 'repair-worker';
  /** host:port, as a scrape configuration names it. */
  address: string;
}

const hostPort = (at: { host: string; port: number }) => `${at.host.includes(':') ? `[${at.host}]` : at.host}:${at.port}`;

export function metricsTargets(config: Pick<AppConfig, 'metrics' | 'workerMetrics'>): MetricsTarget[] {
  return [
    { job: 'repair-api', address: hostPort(config.metrics) },
    { job: 'repair-worker', address: hostPort(config.workerMetrics) },
  ];
}

export const metricsUrl = (target: MetricsTarget) => `http://${target.address}/metrics`;

// The metric families each process exports, by name as Prometheus stores them (a histogram by its
// base name). The dashboard and the alert rules may name only these (test/operations/dashboard.test.ts);
// test/operations/exported-metrics.test.ts scrapes the real processes and finds every one.
export const EXPORTED_METRICS = {
  /** The API: request latency, and gauges read from PostgreSQL on each scrape (the same on every replica). */
  api: ['http_request_duration_seconds', 'repair_open_repairs', 'repair_tickets_open', 'repair_provider_degraded', 'repair_read_answers_total'],
  /** The worker: what its activities count. */
  worker: [
    'repair_repairs_opened_total',
    'repair_repairs_resolved_total',
    'repair_time_to_repair_seconds',
    'repair_alerts_total',
    'repair_sms_segments_total',
    'repair_webhook_deliveries_total',
    'repair_ticket_sla_breaches_total',
  ],
  /** The worker's Temporal SDK metrics, on a listener of the SDK's own (WORKER_SDK_METRICS_PORT). */
  workerSdk: ['temporal_workflow_task_schedule_to_start_latency'],
} as const;

export const ALL_EXPORTED_METRICS: readonly string[] = [...EXPORTED_METRICS.api, ...EXPORTED_METRICS.worker, ...EXPORTED_METRICS.workerSdk];

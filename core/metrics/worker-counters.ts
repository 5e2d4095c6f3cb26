// What the worker counts as its activities change rows: repairs opened and resolved, time to repair,
// alert messages and SMS segments, webhook deliveries, ticket SLA breaches. Each process counts its
// own (workers scale out; dashboards sum them). Callers count once, after the row's change is saved.
import { Counter, Histogram, type Registry } from 'prom-client';
import { SegmentedMessage } from 'sms-segments-calculator';
import { alertKindLabel, channelLabel, errorTypeLabel, providerLabel } from './metric-labels.js';

/** Minutes to days: most repairs end within hours, the ones support takes over within days. */
export const TIME_TO_REPAIR_BUCKETS = [60, 300, 900, 1800, 3600, 2 * 3600, 4 * 3600, 8 * 3600, 86_400, 2 * 86_400, 4 * 86_400, 7 * 86_400, 14 * 86_400];

export interface AlertMessageOutcome {
  channel: string;
  /** The message's template (its kind, grouped or not). */
  template: string;
  status: 'sent' | 'failed';
  /** The text that went out, for an SMS: its segments are what Twilio bills. */
  smsBody?: string;
}

export interface WorkerCounters {
  repairOpened(repair: { provider: string; errorType: string | null | undefined }): void;
  /** Counts the resolution and observes report-to-healthy time. */
  repairResolved(repair: { provider: string; errorType: string | null | undefined; outcome: 'healthy' | 'repaired_elsewhere'; seconds: number }): void;
  alertMessage(message: AlertMessageOutcome): void;
  webhookDelivery(status: 'delivered' | 'failed'): void;
  ticketSlaBreached(): void;
}

export function createWorkerCounters(registry: Registry): WorkerCounters {
  const registers = [registry];
  const opened = new Counter({ name: 'repair_repairs_opened_total', help: 'Repairs opened (first report of a broken connection).', labelNames: ['provider', 'error_type'] as const, registers });
  const resolved = new Counter({ name: 'repair_repairs_resolved_total', help: 'Repairs closed, by outcome (healthy, repaired_elsewhere).', labelNames: ['provider', 'outcome'] as const, registers });
  const timeToRepair = new Histogram({
    name: 'repair_time_to_repair_seconds',
    help: 'From the report that opened a repair to its connection being healthy again.',
    labelNames: ['provider', 'error_type'] as const,
    buckets: TIME_TO_REPAIR_BUCKETS,
    registers,
  });
  const alerts = new Counter({ name: 'repair_alerts_total', help: 'Alert messages sent or given up on, by channel, kind and status.', labelNames: ['channel', 'kind', 'status'] as const, registers });
  const segments = new Counter({ name: 'repair_sms_segments_total', help: 'SMS segments sent (as Twilio bills them).', labelNames: ['channel'] as const, registers });
  const webhooks = new Counter({ name: 'repair_webhook_deliveries_total', help: 'Webhook deliveries that ended delivered or failed.', labelNames: ['status'] as const, registers });
  const breaches = new Counter({ name: 'repair_ticket_sla_breaches_total', help: 'Support tickets whose first response came late.', registers });
  return {
    repairOpened: ({ provider, errorType }) => opened.inc({ provider: providerLabel(provider), error_type: errorTypeLabel(errorType) }),
    repairResolved: ({ provider, errorType, outcome, seconds }) => {
      resolved.inc({ provider: providerLabel(provider), outcome });
      timeToRepair.observe({ provider: providerLabel(provider), error_type: errorTypeLabel(errorType) }, Math.max(0, seconds));
    },
    alertMessage: ({ channel, template, status, smsBody }) => {
      alerts.inc({ channel: channelLabel(channel), kind: alertKindLabel(template), status });
      if (status === 'sent' && channel === 'sms' && smsBody) segments.inc({ channel: 'sms' }, new SegmentedMessage(smsBody).segmentsCount);
    },
    webhookDelivery: (status) => webhooks.inc({ status }),
    ticketSlaBreached: () => breaches.inc(),
  };
}

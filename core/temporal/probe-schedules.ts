// One Temporal Schedule per provider runs the connection probe every interval (jittered so providers
// are not all hit at once). Idempotent: an existing schedule is updated to the current settings.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { AppConfig } from '../config/config.js';
import { PROVIDERS } from '../providers/index.js';
import { probeScheduleId } from '../../workflows/connection-probe/messages.js';
import type { connectionProbeWorkflow } from '../../workflows/connection-probe/connection-probe.workflow.js';

const DEFAULT_CHECKS_PER_SECOND = 5;

function scheduleFor(config: AppConfig, provider: string): ScheduleOptions<ScheduleOptionsStartWorkflowAction<typeof connectionProbeWorkflow>> {
  const perSecond = config.probes.checksPerSecond[provider] ?? DEFAULT_CHECKS_PER_SECOND;
  return {
    scheduleId: probeScheduleId(provider),
    spec: { intervals: [{ every: config.probes.intervalMs }], jitter: config.probes.jitterMs },
    action: {
      type: 'startWorkflow',
      workflowType: 'connectionProbeWorkflow',
      taskQueue: config.temporal.taskQueue,
      args: [{ version: 1, provider, batchSize: config.probes.batchSize, delayBetweenChecksMs: Math.ceil(1000 / perSecond), failuresBeforeRepair: config.probes.failuresBeforeRepair }],
      staticSummary: `Probe every ${provider} connection`,
    },
    // A slow run is never doubled by the next one.
    policies: { overlap: ScheduleOverlapPolicy.SKIP },
  };
}

export async function ensureProbeSchedules(client: Client, config: AppConfig): Promise<string[]> {
  const ids: string[] = [];
  for (const provider of PROVIDERS.map((p) => p.id)) {
    const options = scheduleFor(config, provider);
    try {
      await client.schedule.create(options);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await client.schedule.getHandle(options.scheduleId).update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: options.policies }));
    }
    ids.push(options.scheduleId);
  }
  return ids;
}

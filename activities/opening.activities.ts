// A repair's opening in one local activity: its record, its `repair.opened` event, and when people
// must act, the alert intent and the `repair.action_needed` event. One activity instead of four: in a
// mass outage the worker spends its time on openings, and each local activity costs a workflow
// activation, a round trip through the SDK's core and a database transaction of its own. Each part
// keeps its own idempotency key (the activity's key and the part), so a retry writes nothing twice.
import type { NotifyRepairInput } from './notify.activities.js';
import type { PublishEventInput } from './webhooks.activities.js';
import type { SaveRepairInput } from './records.activities.js';

export interface RecordOpeningInput {
  record: SaveRepairInput;
  opened: PublishEventInput;
  /** Present when people must act (not for a provider outage, which asks nothing of them). */
  actionNeeded?: { alert: NotifyRepairInput; event: PublishEventInput };
}

interface Parts {
  saveRepair(input: SaveRepairInput): Promise<void>;
  publishEvent(input: PublishEventInput): Promise<unknown>;
  notifyRepair(input: NotifyRepairInput): Promise<void>;
}

export function createOpeningActivities(parts: Parts) {
  return {
    async recordOpening({ record, opened, actionNeeded }: RecordOpeningInput): Promise<void> {
      // The record first: the API reads the repair as opened as soon as it is written.
      await parts.saveRepair({ ...record, part: 'record' });
      await parts.publishEvent({ ...opened, part: 'opened' });
      if (!actionNeeded) return;
      await parts.notifyRepair({ ...actionNeeded.alert, part: 'alert' });
      await parts.publishEvent({ ...actionNeeded.event, part: 'action_needed' });
    },
  };
}

// "I'm on it": someone who got an alert takes the repair in hand. The first one wins (later ones
// hear who has it); reminders and escalations wait for the quiet period, and the others are told.
import { setHandler } from '@temporalio/workflow';
import { emit, notify, save } from '../bookkeeping.js';
import { acknowledgeUpdate, type AcknowledgeAnswer, type AlertAnswerInput } from '../messages.js';
import { isOpen } from '../repair-rules.js';
import type { RepairRun } from '../repair-run.js';
import { touch } from '../snapshot.js';
import { validAnswer } from './alert-answer.js';

const HOUR = 3_600_000;

export function handleAcknowledge(run: RepairRun): void {
  setHandler(acknowledgeUpdate, (input) => acknowledge(run, input), {
    validator: (input) => {
      validAnswer(input);
      if (!isOpen(run.repair.state)) throw new Error(`the repair is ${run.repair.state}: there is nothing to acknowledge`);
    },
  });
}

async function acknowledge(run: RepairRun, { by, via, phone }: AlertAnswerInput): Promise<AcknowledgeAnswer> {
  await run.untilOpened();
  const repair = run.repair;
  if (repair.acknowledgedAt) return answer(run, false);
  const now = Date.now();
  repair.acknowledgedBy = by;
  repair.acknowledgedAt = now;
  repair.quietUntil = now + (run.timings.acknowledgePauseMs ?? 4 * HOUR);
  touch(repair, now);
  run.publish();
  await save(run, { kind: 'acknowledged', detail: { by, via } });
  await emit(run, 'repair.acknowledged', { acknowledgedBy: by, acknowledgedAt: new Date(now).toISOString(), via });
  // The others who got the alert hear who took it (not the person who answered).
  await notify(run, 'acknowledged', phone ? { except: [phone] } : undefined);
  return answer(run, true);
}

function answer(run: RepairRun, acknowledged: boolean): AcknowledgeAnswer {
  const { acknowledgedBy, acknowledgedAt, quietUntil } = run.repair;
  return { acknowledged, acknowledgedBy: acknowledgedBy ?? '', acknowledgedAt: new Date(acknowledgedAt ?? 0).toISOString(), quietUntil: new Date(quietUntil ?? 0).toISOString() };
}

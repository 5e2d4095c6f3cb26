// The 1.0 baseline: the recorded histories are of today's workflows only (no patch markers), and
// together they deliver every signal and update of the repair workflow, so replay covers each handler.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import * as repairMessages from '../../workflows/repair/messages.js';
import { retryNowSignal } from '../../workflows/provider-health/messages.js';
import { HISTORIES_DIR } from '../helpers/histories.js';

interface HistoryEvent {
  workflowExecutionSignaledEventAttributes?: { signalName?: string };
  workflowExecutionUpdateAcceptedEventAttributes?: { acceptedRequest?: { input?: { name?: string } } };
  markerRecordedEventAttributes?: { markerName?: string };
}

async function histories(): Promise<{ file: string; events: HistoryEvent[] }[]> {
  const files = (await readdir(HISTORIES_DIR)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(files.map(async (file) => ({ file, events: (JSON.parse(await readFile(join(HISTORIES_DIR, file), 'utf8')) as { events: HistoryEvent[] }).events })));
}

it('delivers every signal and update the repair workflow handles in some recorded history', async () => {
  const delivered = new Set<string>();
  for (const { events } of await histories()) {
    for (const e of events) {
      const name = e.workflowExecutionSignaledEventAttributes?.signalName ?? e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name;
      if (name) delivered.add(name);
    }
  }
  const handled = ([...Object.values(repairMessages), retryNowSignal] as unknown[])
    .filter((d): d is { type: 'signal' | 'update'; name: string } => typeof d === 'object' && d !== null && 'type' in d && (d.type === 'signal' || d.type === 'update'))
    .map((d) => d.name)
    .sort();
  expect(handled.filter((name) => !delivered.has(name))).toEqual([]);
});

it('holds no history recorded before the 1.0 baseline (no patch markers, no *-before-* recordings)', async () => {
  const all = await histories();
  expect(all.map((h) => h.file).filter((f) => f.includes('-before-'))).toEqual([]);
  const patchMarkers = all.flatMap(({ file, events }) => events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch').map(() => file));
  expect([...new Set(patchMarkers)]).toEqual([]);
});

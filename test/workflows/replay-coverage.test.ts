// The recorded histories: recorded from the 1.0 baseline on (a patch marker only of a patch the
// workflow code still asks about, so replay exercises both of its branches), and together they
// deliver every signal and update of the repair workflow, so replay covers each handler.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import * as repairMessages from '../../workflows/repair/messages.js';
import { retryNowSignal } from '../../workflows/provider-health/messages.js';
import { HISTORIES_DIR } from '../helpers/histories.js';
import { PROJECT_ROOT } from '../../dev/temporal-binaries.js';

interface HistoryEvent {
  workflowExecutionSignaledEventAttributes?: { signalName?: string };
  workflowExecutionUpdateAcceptedEventAttributes?: { acceptedRequest?: { input?: { name?: string } } };
  markerRecordedEventAttributes?: { markerName?: string; details?: { 'patch-data'?: { payloads?: { data?: string }[] } } };
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

/** The patch ids the workflow code asks `patched()` / `deprecatePatch()` about. */
async function patchesInCode(): Promise<Set<string>> {
  const dir = join(PROJECT_ROOT, 'workflows');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.ts'));
  const sources = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
  const literal = sources.flatMap((s) => [...s.matchAll(/(?:patched|deprecatePatch)\('([^']+)'\)/g)].map((m) => m[1]!));
  // A patch id kept in a named constant (`patched(ONE_OPENING_WRITE)`): the constant's value.
  const named = new Set(sources.flatMap((s) => [...s.matchAll(/(?:patched|deprecatePatch)\(([A-Z][A-Z0-9_]*)\)/g)].map((m) => m[1]!)));
  const constants = sources.flatMap((s) => [...s.matchAll(/const ([A-Z][A-Z0-9_]*) = '([^']+)'/g)].filter((m) => named.has(m[1]!)).map((m) => m[2]!));
  return new Set([...literal, ...constants]);
}

const patchIdOf = (e: HistoryEvent): string | undefined => {
  const data = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
  return data ? (JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as { id?: string }).id : undefined;
};

it('holds no history recorded before the 1.0 baseline, and patch markers only of patches the code still has', async () => {
  const all = await histories();
  expect(all.map((h) => h.file).filter((f) => f.includes('-before-'))).toEqual([]);
  const known = await patchesInCode();
  const markers = all.flatMap(({ file, events }) => events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch').map((e) => ({ file, patch: patchIdOf(e) })));
  expect(markers.filter((m) => !m.patch || !known.has(m.patch))).toEqual([]);
});

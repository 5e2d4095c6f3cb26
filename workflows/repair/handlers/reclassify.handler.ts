// Operators re-run a repair after a classification fix: its error, classified again with today's
// rules, replaces the old one when it differs (and people hear what to do now), like a new report.
import { setHandler } from '@temporalio/workflow';
import { reclassifySignal } from '../messages.js';
import type { RepairRun } from '../repair-run.js';
import { classify } from '../snapshot.js';
import { followError } from '../take-report.js';

export function handleReclassify(run: RepairRun): void {
  setHandler(reclassifySignal, async (signal) => {
    const { error, connection } = run.repair;
    // Before the opening the first report's classification is still to be recorded with today's rules.
    if (!run.opened || !error) return;
    const reason = typeof signal?.reason === 'string' ? signal.reason.slice(0, 200) : 'reclassify';
    await followError(run, classify(connection.provider, error.code, error.message), { reason: 'reclassified', note: reason });
  });
}

// Watches one cloud printer: a printer that has polled and then sends no poll for `staleAfterMs`
// is offline, and the merchant hears it once; when polls come again, they hear it is back. Polls
// are compared by count, never by timestamp, so the watch's clock never meets the database's.
import { continueAsNew, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { PrinterWatchInput, PrinterWatchState } from './messages.js';

const reads = proxyActivities<Pick<Activities, 'readPrinterPolls'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', maximumAttempts: 20 },
});
const alerts = proxyActivities<Pick<Activities, 'alertPrinterState'>>({
  startToCloseTimeout: '1 minute',
  // Alerts retry while a channel is down; a day later the state is a day old and not worth sending.
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '15 minutes' },
  scheduleToCloseTimeout: '1 day',
});

export async function printerWatchWorkflow(input: PrinterWatchInput): Promise<{ ended: 'printer_removed' }> {
  const state: PrinterWatchState = input.state ?? { pollCount: 0, changedAt: Date.now(), offline: false };
  // A check every minute writes about 8 events: a fresh history every 500 checks stays small.
  for (let checks = 1; ; checks += 1) {
    await sleep(input.checkEveryMs);
    const polls = await reads.readPrinterPolls({ printerId: input.printerId });
    if (!polls) return { ended: 'printer_removed' };
    await look(input, state, polls.pollCount);
    if (checks >= 500 || workflowInfo().continueAsNewSuggested) await continueAsNew<typeof printerWatchWorkflow>({ ...input, state });
  }
}

async function look(input: PrinterWatchInput, state: PrinterWatchState, pollCount: number): Promise<void> {
  if (pollCount !== state.pollCount) {
    state.pollCount = pollCount;
    state.changedAt = Date.now();
    if (state.offline) {
      state.offline = false;
      await sendAlert(input, 'back');
    }
    return;
  }
  // A printer never set up (no poll yet) is not "offline": nobody expects tickets from it yet.
  if (state.offline || pollCount === 0 || Date.now() - state.changedAt < input.staleAfterMs) return;
  state.offline = true;
  await sendAlert(input, 'offline');
}

async function sendAlert(input: PrinterWatchInput, printerState: 'offline' | 'back'): Promise<void> {
  try {
    await alerts.alertPrinterState({ printerId: input.printerId, state: printerState, minutes: Math.max(1, Math.round(input.staleAfterMs / 60_000)) });
  } catch {
    // Given up after a day of failing channels: the next change is still watched and told.
  }
}

// What operators see in the Temporal Web UI: search attributes kept current and a readable summary.
import { setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import { findProvider } from '../../core/providers/index.js';
import type { RepairSnapshot } from './messages.js';
import { RepairAcknowledgedBy, RepairErrorType, RepairState } from './search-attributes.js';

export function providerName(provider: string): string {
  return findProvider(provider)?.name ?? provider;
}

/** Who on call took a repair in hand, and when (workflow time, epoch ms). */
export interface Acknowledgement {
  by: string;
  at: number;
}

/** One per workflow run: remembers what it published, to upsert search attributes only on change. */
export function createOperatorView(): (s: RepairSnapshot, acknowledgement: Acknowledgement | null) => void {
  let published = { state: '', errorType: '' };
  let acknowledgedBy: string | null = null;
  return (s, acknowledgement) => {
    // Upserted once, when someone takes the repair in hand (runs that never acknowledge never upsert it).
    if (acknowledgement && acknowledgement.by !== acknowledgedBy) {
      upsertSearchAttributes([{ key: RepairAcknowledgedBy, value: acknowledgement.by }]);
      acknowledgedBy = acknowledgement.by;
    }
    publish(s, acknowledgement, published, (p) => (published = p));
  };
}

/** "2026-12-06 09:41 UTC": minutes are enough to tell how long a repair has waited. */
const utcMinute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function stateLine(s: RepairSnapshot, acknowledgement: Acknowledgement | null): string {
  const since = s.stateSince !== undefined ? ` since ${utcMinute(s.stateSince)}` : '';
  const acknowledged = acknowledgement ? `${acknowledgement.by} at ${utcMinute(acknowledgement.at)}` : '-';
  return `State: **${s.state}**${since} · acknowledged by: ${acknowledged}`;
}

function publish(s: RepairSnapshot, acknowledgement: Acknowledgement | null, published: { state: string; errorType: string }, remember: (p: { state: string; errorType: string }) => void): void {
  const errorType = s.error?.errorType ?? 'unclassified';
  if (published.state !== s.state || published.errorType !== errorType) {
    upsertSearchAttributes([
      { key: RepairState, value: s.state },
      { key: RepairErrorType, value: errorType },
    ]);
    remember({ state: s.state, errorType });
  }
  const c = s.connection;
  setCurrentDetails(
    [
      `**${providerName(c.provider)}** account \`${c.accountRef}\` — ${c.storeIds.length} store(s), org \`${c.orgId}\``,
      stateLine(s, acknowledgement),
      `Error: \`${s.error?.code ?? '-'}\` (${errorType}${s.error?.cause ? ` / ${s.error.cause}` : ''}) · resolution: ${s.error?.resolution ?? '-'}`,
      `Attempts: ${s.attempts} · last outcome: ${s.lastOutcome ?? '-'} · reminders: ${s.reminderCount} · escalation: ${s.escalation}`,
    ].join('\n\n'),
  );
}

// What operators see in the Temporal Web UI: search attributes kept current and a readable summary.
import { setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import { findProvider } from '../../core/providers/index.js';
import type { RepairSnapshot } from './messages.js';
import { RepairErrorType, RepairState } from './search-attributes.js';

export function providerName(provider: string): string {
  return findProvider(provider)?.name ?? provider;
}

/** One per workflow run: remembers what it published, to upsert search attributes only on change. */
export function createOperatorView(): (s: RepairSnapshot) => void {
  let published = { state: '', errorType: '' };
  return (s) => publish(s, published, (p) => (published = p));
}

function publish(s: RepairSnapshot, published: { state: string; errorType: string }, remember: (p: { state: string; errorType: string }) => void): void {
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
      `State: **${s.state}** · error: \`${s.error?.code ?? '-'}\` (${errorType}${s.error?.cause ? ` / ${s.error.cause}` : ''}) · resolution: ${s.error?.resolution ?? '-'}`,
      `Attempts: ${s.attempts} · last outcome: ${s.lastOutcome ?? '-'} · reminders: ${s.reminderCount} · escalation: ${s.escalation}`,
    ].join('\n\n'),
  );
}

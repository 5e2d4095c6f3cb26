// The small merchant in the flood: one big organization's connections are all reported at once, and
// a one-store merchant's disconnection 2 s later. How long until the small merchant's alert is sent,
// with fairness on (the main lane) and without (a lane whose Temporal server runs without the flag),
// in the same run. Each lane is measured alone, the other one idle.
import type { BenchLane } from './bench-lane.js';
import { timeUntil } from './bench-pool.js';
import { recordedCount, reportAll } from './report-all.js';
import { seedMerchants, type SeededConnection } from './seed-merchants.js';

export interface SmallMerchantFigures {
  bigOrgConnections: number;
  smallMerchantReportedAfterMs: number;
  /** Report to alert sent (e-mail), fairness on. */
  smallMerchantAlertMs: number;
  /** The same, on a Temporal server without fairness. */
  smallMerchantAlertMsWithoutFairness: number;
  /** What the small merchant waited beyond the alert window, fairness on (goal: under 5 s). */
  smallMerchantWaitBeyondWindowMs: number;
  smallMerchantWaitBeyondWindowMsWithoutFairness: number;
  /** Wait beyond the window with fairness over without (goal where 5 s cannot hold: at most 0.1). */
  smallMerchantWaitRatio: number;
}

const SMALL_AFTER_MS = 2_000;

interface Seeded {
  big: SeededConnection[];
  small: SeededConnection[];
  smallOrgId: string;
}

export async function seedFlood(lane: BenchLane, label: string, bigConnections: number): Promise<Seeded> {
  const big = await seedMerchants(lane, { label: `${label}-big`, orgs: 1, connectionsPerOrg: bigConnections, storesPerConnection: 1 });
  const small = await seedMerchants(lane, { label: `${label}-small`, orgs: 1, connectionsPerOrg: 1, storesPerConnection: 1 });
  return { big: big.connections, small: small.connections, smallOrgId: small.orgIds[0]! };
}

/** Floods the big organization, reports the small merchant 2 s later: report to its alert sent, in ms. */
async function smallMerchantAlertMs(lane: BenchLane, seeded: Seeded): Promise<number> {
  const flood = reportAll(lane, seeded.big);
  await new Promise((resolve) => setTimeout(resolve, SMALL_AFTER_MS));
  const reported = Date.now();
  await reportAll(lane, seeded.small);
  await timeUntil('the small merchant\'s alert', async () =>
    (await lane.db.query<{ n: number }>("select count(*)::int as n from notifications where channel = 'email' and template like 'action_needed%' and status in ('sent', 'delivered') and org = $1", [seeded.smallOrgId])).rows[0]!.n > 0,
  );
  const alertMs = Date.now() - reported;
  await flood;
  // The lane goes quiet before the other one is measured: every repair recorded, every alert out.
  const all = [...seeded.big, ...seeded.small];
  await timeUntil('flood recorded', async () => (await recordedCount(lane, all)) >= all.length);
  await timeUntil('flood alerts delivered', async () => (await lane.db.query<{ n: number }>("select count(*)::int as n from notification_intents where status = 'recorded'")).rows[0]!.n === 0);
  return alertMs;
}

export async function smallMerchantInFlood(lanes: { fair: { lane: BenchLane; seeded: Seeded }; unfair: { lane: BenchLane; seeded: Seeded } }, alertWindowMs: number): Promise<SmallMerchantFigures> {
  const withFairness = await smallMerchantAlertMs(lanes.fair.lane, lanes.fair.seeded);
  const withoutFairness = await smallMerchantAlertMs(lanes.unfair.lane, lanes.unfair.seeded);
  const beyond = (ms: number) => Math.max(ms - alertWindowMs, 0);
  return {
    bigOrgConnections: lanes.fair.seeded.big.length,
    smallMerchantReportedAfterMs: SMALL_AFTER_MS,
    smallMerchantAlertMs: withFairness,
    smallMerchantAlertMsWithoutFairness: withoutFairness,
    smallMerchantWaitBeyondWindowMs: beyond(withFairness),
    smallMerchantWaitBeyondWindowMsWithoutFairness: beyond(withoutFairness),
    smallMerchantWaitRatio: Math.round((beyond(withFairness) / Math.max(beyond(withoutFairness), 1)) * 100) / 100,
  };
}

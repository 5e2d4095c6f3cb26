// One run of a repair: its snapshot (what people, pages and the query see) and what the run keeps
// besides, with real names. Handlers and the story (opening, waiting, closing) share this object.
import { condition, uuid4 } from '@temporalio/workflow';
import type { RepairTimings } from '../../core/config/repair-timings.js';
import type { ActionAnswer, RepairResult, RepairSnapshot, RepairWorkflowInput, ReportSignal } from './messages.js';
import type { ActionOutcome, RepairState } from './repair-rules.js';
import { createOperatorView, type Acknowledgement } from './operator-view.js';
import { OneAtATime } from './one-at-a-time.js';
import { initialSnapshot } from './snapshot.js';

/** Report ids carried across continue-as-new, so a re-delivered report is not counted twice. */
const CARRIED_REPORT_IDS = 500;

export class RepairRun {
  readonly repair: RepairSnapshot;
  readonly timings: RepairTimings;
  /** The opening (record, event, alert) is done; a new run of an open repair starts opened. */
  opened: boolean;
  /** A backend saw the connection working again. */
  endedElsewhere = false;
  /** The provider's health workflow saw it recover: retry now instead of at the backoff's time. */
  retryNow = false;
  /** Reports that joined without changing anything: the stored count follows them in one write. */
  unsavedReports = false;
  /** A client may deliver the same report twice (retries, continue-as-new); each counts once. */
  readonly seenReportIds: Set<string>;
  /** Reports that came while this repair was closing: they open the next repair of the connection. */
  readonly reportsForNextRepair: ReportSignal[] = [];
  /** Pairings (people's and the repair's own) and people's actions run one at a time. */
  readonly actions = new OneAtATime();
  private readonly view = createOperatorView();
  /** The state last published: a different one starts its "since". */
  private publishedState: RepairState | undefined;

  constructor(private readonly input: RepairWorkflowInput) {
    this.repair = input.carried ?? initialSnapshot(input, Date.now());
    this.timings = input.timings;
    this.opened = input.carried !== undefined;
    this.seenReportIds = new Set(this.repair.recentReportIds ?? []);
    // A run continued as new keeps the time its state began.
    if (this.repair.stateSince !== undefined) this.publishedState = this.repair.state;
  }

  /** Keeps the Web UI's search attributes and details current, and since when the repair is in its state. */
  publish(): void {
    if (this.repair.state !== this.publishedState) {
      this.repair.stateSince = Date.now();
      this.publishedState = this.repair.state;
    }
    this.view(this.repair, this.acknowledgement);
  }

  /** An action sent right after the report waits for the opening, so history reads in the order things happened. */
  async untilOpened(): Promise<void> {
    await condition(() => this.opened);
  }

  /** Who took this repair in hand (an alert's answer): the Web UI shows it beside the state. */
  get acknowledgement(): Acknowledgement | null {
    const { acknowledgedBy, acknowledgedAt } = this.repair;
    return acknowledgedBy && acknowledgedAt ? { by: acknowledgedBy, at: acknowledgedAt } : null;
  }

  answer(outcome: ActionOutcome, extra: Partial<ActionAnswer> = {}): ActionAnswer {
    const { state, error } = this.repair;
    return { outcome, state, errorType: error?.errorType ?? null, resolution: error?.resolution ?? null, ...extra };
  }

  /** The input of the next run of this same repair, when its history grew long. */
  carryOver(): RepairWorkflowInput {
    return { ...this.input, carried: { ...this.repair, recentReportIds: [...this.seenReportIds].slice(-CARRIED_REPORT_IDS) } };
  }

  /** The input of the connection's next repair, opened by the reports that came while this one closed. */
  nextRepair(): RepairWorkflowInput | null {
    const late = this.reportsForNextRepair;
    if (late.length === 0) return null;
    // The API chose a new repair for them, unless it read this one as still open: then name one here.
    const repairId = late.find((r) => r.repairId !== this.repair.repairId)?.repairId ?? `rep_${uuid4().replaceAll('-', '')}`;
    return { version: 1, repairId, connection: this.input.connection, timings: this.timings, reports: late };
  }

  result(outcome: RepairResult['outcome']): RepairResult {
    return { repairId: this.repair.repairId, outcome, attempts: this.repair.attempts };
  }
}

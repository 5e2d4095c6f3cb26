// The grouped message of a mass outage: stores under their provider, and within a provider under
// one shared problem, so a thousand stores with the same fix read as one table, not a thousand cards.
import { distinctStores, type RepairView, type StepView } from './repair-view.js';

export interface StoreRowView {
  location: string;
  brand: string;
  provider: string;
  label: string;
  link: string;
  /** This store's own lost sales: never the whole connection's, which would read as one per row. */
  estimatedLostRevenue: string | null;
}

/** A connection's lost sales when its stores' shares are unknown: said once, for all its stores. */
export interface SharedLossView {
  storeCount: number;
  amount: string;
}

export interface IssueView {
  errorTypeLabel: string;
  actionLabel: string;
  steps: StepView[];
  note: string | null;
  buttonLabel: string;
  rows: StoreRowView[];
  showRevenue: boolean;
  sharedLosses: SharedLossView[];
}

export interface ProviderGroupView {
  provider: string;
  storeCount: number;
  issues: IssueView[];
}

const issueKey = (r: RepairView) => JSON.stringify([r.errorTypeLabel, r.actionLabel, r.steps.map((s) => s.text), r.note]);

/** A one-store connection's figure is that store's; a larger one's is split only if the caller did. */
function rowsOf(repair: RepairView): StoreRowView[] {
  const own = (figure: string | undefined) => figure ?? (repair.stores.length === 1 ? repair.estimatedLostRevenue : null);
  return repair.stores.map((s) => ({ location: s.location, brand: s.brand, provider: s.provider, label: s.label, link: repair.link, estimatedLostRevenue: own(s.estimatedLostRevenue) }));
}

function issuesOf(repairs: RepairView[]): IssueView[] {
  const issues = new Map<string, IssueView>();
  for (const repair of repairs) {
    const key = issueKey(repair);
    const issue = issues.get(key) ?? { errorTypeLabel: repair.errorTypeLabel, actionLabel: repair.actionLabel, steps: repair.steps, note: repair.note, buttonLabel: repair.buttonLabel, rows: [], showRevenue: false, sharedLosses: [] };
    const rows = rowsOf(repair);
    issue.rows.push(...rows);
    issue.showRevenue ||= rows.some((row) => row.estimatedLostRevenue !== null);
    if (repair.estimatedLostRevenue !== null && rows.every((row) => row.estimatedLostRevenue === null)) issue.sharedLosses.push({ storeCount: repair.storeCount, amount: repair.estimatedLostRevenue });
    issues.set(key, issue);
  }
  return [...issues.values()];
}

/** Providers in the order they first appear; their stores in the order given. */
export function groupByProvider(repairs: RepairView[]): ProviderGroupView[] {
  const byProvider = new Map<string, RepairView[]>();
  for (const repair of repairs) {
    const list = byProvider.get(repair.provider) ?? [];
    list.push(repair);
    byProvider.set(repair.provider, list);
  }
  return [...byProvider].map(([provider, list]) => ({ provider, storeCount: distinctStores(list), issues: issuesOf(list) }));
}

// The grouped message of a mass outage: stores under their provider, and within a provider under
// one shared problem, so a thousand stores with the same fix read as one table, not a thousand cards.
import type { RepairView, StepView } from './repair-view.js';

export interface StoreRowView {
  location: string;
  brand: string;
  provider: string;
  label: string;
  link: string;
  estimatedLostRevenue: string | null;
}

export interface IssueView {
  errorTypeLabel: string;
  actionLabel: string;
  steps: StepView[];
  note: string | null;
  buttonLabel: string;
  rows: StoreRowView[];
  showRevenue: boolean;
}

export interface ProviderGroupView {
  provider: string;
  storeCount: number;
  issues: IssueView[];
}

const issueKey = (r: RepairView) => JSON.stringify([r.errorTypeLabel, r.actionLabel, r.steps.map((s) => s.text), r.note]);

function rowsOf(repair: RepairView): StoreRowView[] {
  return repair.stores.map((s) => ({ location: s.location, brand: s.brand, provider: s.provider, label: s.label, link: repair.link, estimatedLostRevenue: repair.estimatedLostRevenue }));
}

function issuesOf(repairs: RepairView[]): IssueView[] {
  const issues = new Map<string, IssueView>();
  for (const repair of repairs) {
    const key = issueKey(repair);
    const issue = issues.get(key) ?? { errorTypeLabel: repair.errorTypeLabel, actionLabel: repair.actionLabel, steps: repair.steps, note: repair.note, buttonLabel: repair.buttonLabel, rows: [], showRevenue: false };
    issue.rows.push(...rowsOf(repair));
    issue.showRevenue ||= repair.estimatedLostRevenue !== null;
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
  return [...byProvider].map(([provider, list]) => ({ provider, storeCount: list.reduce((n, r) => n + r.storeCount, 0), issues: issuesOf(list) }));
}

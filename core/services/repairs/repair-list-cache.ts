// The list's pages, kept by one API process and checked against the organization's read revision on
// every answer: PostgreSQL moves the revision in the transaction of any write to the organization's
// repairs or stores (Migration20261207000000_read_revisions), so a kept page is served only while no
// such write has committed since it was read. The check is one row by primary key; writing a page of
// 100 repairs as JSON costs PostgreSQL about ten times that (docs/mass-outage.md, fourth round).
import type { EntityManager } from '@mikro-orm/postgresql';
import { readListRevision, readRepairListPageText, type RepairListPageFilter } from './repair-reads.js';
import { renderPage, splitPage, type RepairListPage } from './repair-list-page.js';

/** Pages kept, in characters of JSON (about 60 KB per page of 100 repairs): a bound on the process's memory, not on correctness. */
export const LIST_CACHE_MAX_CHARS = 16 * 1024 * 1024;

export class RepairListCache {
  // A Map iterates in insertion order: the first key is the least recently used one.
  private readonly pages = new Map<string, RepairListPage>();
  private chars = 0;

  /** `answered` hears where each answer's page came from (a metric). */
  constructor(
    private readonly answered: (page: 'kept' | 'read') => void = () => {},
    private readonly maxChars = LIST_CACHE_MAX_CHARS,
  ) {}

  /** The list's answer at `now`, as JSON text; null when there is no such organization. */
  async read(em: EntityManager, orgId: string, filter: RepairListPageFilter, now: Date): Promise<string | null> {
    const key = JSON.stringify([orgId, filter.state ?? null, filter.sort ?? null, filter.limit, filter.offset]);
    const kept = this.pages.get(key);
    if (kept) {
      const revision = await readListRevision(em, orgId);
      if (revision === null) return this.forget(key);
      if (revision === kept.revision) {
        this.pages.delete(key);
        this.pages.set(key, kept);
        this.answered('kept');
        return renderPage(kept, now);
      }
    }
    const text = await readRepairListPageText(em, orgId, filter);
    if (text === null) return this.forget(key);
    const page = splitPage(text);
    this.keep(key, page);
    this.answered('read');
    return renderPage(page, now);
  }

  private keep(key: string, page: RepairListPage): void {
    this.forget(key);
    if (page.size > this.maxChars) return;
    this.pages.set(key, page);
    this.chars += page.size;
    for (const [oldest, old] of this.pages) {
      if (this.chars <= this.maxChars) break;
      this.pages.delete(oldest);
      this.chars -= old.size;
    }
  }

  private forget(key: string): null {
    const kept = this.pages.get(key);
    if (kept) {
      this.pages.delete(key);
      this.chars -= kept.size;
    }
    return null;
  }
}

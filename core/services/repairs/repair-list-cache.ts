// The list's pages, kept by one API process under their organization's read revision (kept-answers.ts):
// an answer from a kept page costs PostgreSQL one row read by key, where writing a page of 100 repairs as
// JSON costs it about ten times that.
import type { EntityManager } from '@mikro-orm/postgresql';
import { KeptAnswers, mayKeep } from './kept-answers.js';
import { readOrgRevision, readRepairListPageText, type RepairListPageFilter } from './repair-reads.js';
import { renderPage, splitPage, type RepairListPage } from './repair-list-page.js';

/** Pages kept, in characters of JSON (about 60 KB per page of 100 repairs). */
export const LIST_CACHE_MAX_CHARS = 16 * 1024 * 1024;

export type AnswerSource = 'kept' | 'read';

export class RepairListCache {
  private readonly pages: KeptAnswers<RepairListPage & { orgId: string }>;

  /** `answered` hears where each answer came from (a metric). */
  constructor(
    private readonly answered: (source: AnswerSource) => void = () => {},
    maxChars = LIST_CACHE_MAX_CHARS,
  ) {
    this.pages = new KeptAnswers(maxChars);
  }

  /** The list's answer at `now`, as JSON text; null when there is no such organization. */
  async read(em: EntityManager, orgId: string, filter: RepairListPageFilter, now: Date): Promise<string | null> {
    const key = JSON.stringify([orgId, filter.state ?? null, filter.sort ?? null, filter.limit, filter.offset]);
    const keeping = mayKeep(em);
    const kept = keeping ? await this.pages.valid(key, (org) => readOrgRevision(em, org)) : undefined;
    if (kept) {
      this.answered('kept');
      return renderPage(kept, now);
    }
    const text = await readRepairListPageText(em, orgId, filter);
    if (text === null) return null;
    const page = { ...splitPage(text), orgId };
    if (keeping) this.pages.keep(key, page);
    this.answered('read');
    return renderPage(page, now);
  }
}

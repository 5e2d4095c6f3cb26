// The list's pages, kept by one API process under their organization's read revision (kept-answers.ts):
// an answer from a kept page costs PostgreSQL one row read by key, where writing a page of 100 repairs as
// JSON costs it about ten times that.
import type { EntityManager } from '@mikro-orm/postgresql';
import { KeptAnswers, type AnswerSource } from './kept-answers.js';
import { readRepairListPageText, type RepairListPageFilter } from './repair-reads.js';
import { renderPage, splitPage, type RepairListPage } from './repair-list-page.js';

/** Pages kept, in characters of JSON (about 60 KB per page of 100 repairs). */
export const LIST_CACHE_MAX_CHARS = 16 * 1024 * 1024;

export class RepairListCache {
  private readonly pages: KeptAnswers<RepairListPage & { orgId: string }>;

  /** `answered` hears where each answer came from (a metric). */
  constructor(answered?: (source: AnswerSource) => void, maxChars = LIST_CACHE_MAX_CHARS) {
    this.pages = new KeptAnswers(maxChars, answered);
  }

  /** The list's answer at `now`, as JSON text; null when there is no such organization. */
  async read(em: EntityManager, orgId: string, filter: RepairListPageFilter, now: Date): Promise<string | null> {
    const key = JSON.stringify([orgId, filter.state ?? null, filter.sort ?? null, filter.limit, filter.offset]);
    const page = await this.pages.answer(em, key, async () => {
      const text = await readRepairListPageText(em, orgId, filter);
      return text && { ...splitPage(text), orgId };
    });
    return page && renderPage(page, now);
  }
}

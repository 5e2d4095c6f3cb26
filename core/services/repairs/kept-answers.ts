// Answers an API process keeps between requests, each under the read revision of the organization
// it shows. PostgreSQL moves the revision in the transaction of every write to what the repair list
// and the repair details show (Migration20261207000000_read_revisions), so a kept answer is served
// only while no such write has committed since it was read: the check is one row by primary key,
// where reading and shaping the answer costs PostgreSQL and the API many times that
// (docs/mass-outage.md, fourth round). A kept answer is also read again after a few minutes: a write
// that no trigger sees (triggers disabled by hand, a replica's apply) is not served for long.
import type { EntityManager } from '@mikro-orm/postgresql';
import { readOrgRevision } from './repair-reads.js';

export interface KeptAnswer {
  orgId: string;
  /** null: the organization has no revision, the answer is not kept. */
  revision: string | null;
  /** Characters held, about (the bound). */
  size: number;
}

/** Where an answer came from (a metric's label). */
export type AnswerSource = 'kept' | 'read';

/** How long a kept answer may be served without being read again, whatever its revision says. */
export const KEPT_ANSWER_MAX_AGE_MS = 5 * 60_000;

/** Least recently used first out, bounded by the characters kept: a bound on memory, not on correctness. */
export class KeptAnswers<T extends KeptAnswer> {
  // A Map iterates in insertion order: the first key is the least recently used one.
  private readonly kept = new Map<string, { answer: T; keptAt: number }>();
  private chars = 0;

  /** `answered` hears where each answer came from. */
  constructor(
    private readonly maxChars: number,
    private readonly answered: (source: AnswerSource) => void = () => {},
    private readonly maxAgeMs = KEPT_ANSWER_MAX_AGE_MS,
  ) {}

  /** The answer under `key`: a kept one still current, else what `read` gives, kept for the next request (null: nothing to answer). */
  async answer(em: EntityManager, key: string, read: () => Promise<T | null>): Promise<T | null> {
    // Inside a transaction an answer may show writes not yet committed: it is neither served from nor kept.
    const keeping = !em.isInTransaction();
    const kept = keeping ? await this.valid(key, (orgId) => readOrgRevision(em, orgId)) : undefined;
    if (kept) {
      this.answered('kept');
      return kept;
    }
    const fresh = await read();
    if (fresh === null) return null;
    if (keeping) this.keep(key, fresh);
    this.answered('read');
    return fresh;
  }

  /** The answer kept under `key`, if its organization's revision is still `current(orgId)`. */
  async valid(key: string, current: (orgId: string) => Promise<string | null>, now = Date.now()): Promise<T | undefined> {
    const entry = this.kept.get(key);
    if (!entry) return undefined;
    const fresh = now - entry.keptAt <= this.maxAgeMs && (await current(entry.answer.orgId)) === entry.answer.revision;
    // Another request may have replaced or dropped the entry meanwhile: only this one is touched.
    if (this.kept.get(key) !== entry) return fresh ? entry.answer : undefined;
    if (!fresh) {
      this.forget(key);
      return undefined;
    }
    this.kept.delete(key);
    this.kept.set(key, entry);
    return entry.answer;
  }

  keep(key: string, answer: T, now = Date.now()): void {
    this.forget(key);
    if (answer.revision === null || answer.size > this.maxChars) return;
    this.kept.set(key, { answer, keptAt: now });
    this.chars += answer.size;
    for (const [oldest, old] of this.kept) {
      if (this.chars <= this.maxChars) break;
      this.kept.delete(oldest);
      this.chars -= old.answer.size;
    }
  }

  private forget(key: string): void {
    const entry = this.kept.get(key);
    if (!entry) return;
    this.kept.delete(key);
    this.chars -= entry.answer.size;
  }
}

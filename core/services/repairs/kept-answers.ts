// Answers an API process keeps between requests, each under the read revision of the organization
// it shows. PostgreSQL moves the revision in the transaction of every write to what the repair list
// and the repair details show (Migration20261207000000_read_revisions), so a kept answer is served
// only while no such write has committed since it was read: the check is one row by primary key,
// where reading and shaping the answer costs PostgreSQL and the API many times that
// (docs/mass-outage.md, fourth round).

/** Least recently used first out, bounded by the characters kept: a bound on memory, not on correctness. */
export class KeptAnswers<T extends { orgId: string; revision: string; size: number }> {
  // A Map iterates in insertion order: the first key is the least recently used one.
  private readonly kept = new Map<string, T>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  /** The answer kept under `key`, if its organization's revision is still `current(orgId)`; forgotten otherwise. */
  async valid(key: string, current: (orgId: string) => Promise<string | null>): Promise<T | undefined> {
    const answer = this.kept.get(key);
    if (!answer) return undefined;
    if ((await current(answer.orgId)) !== answer.revision) {
      this.forget(key);
      return undefined;
    }
    this.kept.delete(key);
    this.kept.set(key, answer);
    return answer;
  }

  keep(key: string, answer: T): void {
    this.forget(key);
    if (answer.size > this.maxChars) return;
    this.kept.set(key, answer);
    this.chars += answer.size;
    for (const [oldest, old] of this.kept) {
      if (this.chars <= this.maxChars) break;
      this.kept.delete(oldest);
      this.chars -= old.size;
    }
  }

  forget(key: string): void {
    const answer = this.kept.get(key);
    if (!answer) return;
    this.kept.delete(key);
    this.chars -= answer.size;
  }
}

// The kept answers' bookkeeping: evicted answers stay out even when a check was in flight, the bound
// holds, an answer without a revision is never kept, and an old one is read again whatever its revision.
import { describe, expect, it } from 'vitest';
import { KEPT_ANSWER_MAX_AGE_MS, KeptAnswers } from '../../core/services/repairs/kept-answers.js';

const answer = (name: string, size: number, revision: string | null = 'r1') => ({ orgId: 'org_a', revision, size, name });
const current = async () => 'r1';

describe('kept answers', () => {
  it('does not bring back an answer evicted while its check was in flight', async () => {
    const kept = new KeptAnswers<ReturnType<typeof answer>>(10);
    kept.keep('a', answer('a', 6));
    let release!: (revision: string) => void;
    const checking = kept.valid('a', () => new Promise((resolve) => (release = resolve)));
    kept.keep('b', answer('b', 6)); // evicts a: 12 > 10
    release('r1');
    expect((await checking)?.name).toBe('a'); // still a right answer for this request
    expect(await kept.valid('a', current)).toBeUndefined();
    // The bound still counts b alone: c fits next to nothing else and evicts b.
    kept.keep('c', answer('c', 6));
    expect(await kept.valid('b', current)).toBeUndefined();
    expect((await kept.valid('c', current))?.name).toBe('c');
  });

  it('keeps the newer answer stored while an older one was being checked', async () => {
    const kept = new KeptAnswers<ReturnType<typeof answer>>(100);
    kept.keep('a', answer('old', 6));
    let release!: (revision: string) => void;
    const checking = kept.valid('a', () => new Promise((resolve) => (release = resolve)));
    kept.keep('a', answer('new', 6, 'r2'));
    release('r2'); // the old answer's revision is stale: it must not remove the new one
    expect(await checking).toBeUndefined();
    expect((await kept.valid('a', async () => 'r2'))?.name).toBe('new');
  });

  it('never keeps an answer without a revision, nor one larger than the bound', async () => {
    const kept = new KeptAnswers<ReturnType<typeof answer>>(10);
    kept.keep('a', answer('a', 1, null));
    kept.keep('b', answer('b', 11));
    expect(await kept.valid('a', async () => null)).toBeUndefined();
    expect(await kept.valid('b', current)).toBeUndefined();
  });

  it('reads an answer again once it is older than the longest age, whatever its revision says', async () => {
    const kept = new KeptAnswers<ReturnType<typeof answer>>(100);
    kept.keep('a', answer('a', 1), 0);
    expect((await kept.valid('a', current, KEPT_ANSWER_MAX_AGE_MS))?.name).toBe('a');
    expect(await kept.valid('a', current, KEPT_ANSWER_MAX_AGE_MS + 1)).toBeUndefined();
  });
});

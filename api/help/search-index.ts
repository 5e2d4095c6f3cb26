// Full-text search over the help articles: one Orama index per language, with that language's
// stemmer, over accent-folded text; results carry the original article for display.
import { create, insertMultiple, search, type Orama } from '@orama/orama';
import { LOCALES, type ErrorType, type Locale } from '../../core/providers/index.js';
import { allArticles } from './article-library.js';
import { snippetOf } from './article-snippet.js';
import { fixSpelling, vocabularyOf } from './spelling-fix.js';
import type { HelpArticle } from './article.types.js';
import { LANGUAGE_STEMMERS } from './language-stemmers.js';
import { expandQuery, synonymsOf } from './query-synonyms.js';
import { STOP_WORDS } from './stop-words.js';
import { wordsOf } from './search-terms.js';
import { foldAccents } from './text-folding.js';

const SCHEMA = { slug: 'string', title: 'string', tags: 'string', body: 'string', provider: 'enum', errorType: 'enum' } as const;
type ArticleIndex = Orama<typeof SCHEMA>;

/** Field weights: a title or tag word says more about an article than a word in its body. */
const BOOST = { title: 3, tags: 2, body: 1 };
export const GENERAL = 'general';

export interface SearchQuery {
  q: string;
  locale: Locale;
  provider?: string;
  errorType?: ErrorType;
  /** Restrict to articles about no provider (the assistant uses it when none is named). */
  generalOnly?: boolean;
  limit?: number;
}

export interface SearchHit {
  article: HelpArticle;
  score: number;
  snippet: string;
}

interface LanguageIndex {
  db: ArticleIndex;
  bySlug: Map<string, HelpArticle>;
  /** Every folded word of the language's articles: what a misspelled word is corrected to. */
  vocabulary: Set<string>;
}

const indexes = new Map<Locale, Promise<LanguageIndex>>();

/** Built once per language on first use; the promise is cached so concurrent callers share it. */
function indexFor(locale: Locale): Promise<LanguageIndex> {
  let index = indexes.get(locale);
  if (!index) {
    index = buildIndex(locale);
    indexes.set(locale, index);
  }
  return index;
}

async function buildIndex(locale: Locale): Promise<LanguageIndex> {
  const { language, stem } = LANGUAGE_STEMMERS[locale];
  const db = create({ schema: SCHEMA, components: { tokenizer: { language, stemming: true, stemmer: stem } } }) as ArticleIndex;
  const articles = allArticles().filter((a) => a.locale === locale);
  await insertMultiple(
    db,
    articles.map((a) => ({
      slug: a.slug,
      title: foldAccents(a.title),
      tags: foldAccents(a.tags.join(' ')),
      body: foldAccents(a.body),
      provider: a.provider ?? GENERAL,
      errorType: a.errorType ?? GENERAL,
    })),
  );
  const vocabulary = vocabularyOf(
    articles.map((a) => `${a.title} ${a.tags.join(' ')} ${a.body}`),
    wordsOf,
  );
  return { db, bySlug: new Map(articles.map((a) => [a.slug, a])), vocabulary };
}

/** The question as Orama reads it: folded, synonyms added, stop words out (so "le" or "de" do
 * not outweigh the words that matter), misspelled words corrected. Single letters go too, as in
 * the confidence's terms: the "t" of "can't" or the "l" of "l'ho" would match every word
 * starting with that letter; so would a word the stemmer cuts to one ("hs" → "h"). */
const searchTerm = (q: string, locale: Locale, vocabulary: ReadonlySet<string>): string =>
  fixSpelling(
    wordsOf(expandQuery(q, locale)).filter((w) => !STOP_WORDS[locale].has(w) && ((w.length > 2 && LANGUAGE_STEMMERS[locale].stem(w).length > 1) || /\d/.test(w))),
    vocabulary,
    // A word the symptom table knows is no typo ("carga" is not "carta"): its synonyms are already added.
    (w) => synonymsOf(w, locale) !== undefined,
  ).join(' ');

/** Builds every language's index now rather than on the first question. */
export const warmSearchIndexes = async (): Promise<void> => {
  await Promise.all(LOCALES.map(indexFor));
};

export async function searchArticles(query: SearchQuery): Promise<SearchHit[]> {
  const { db, bySlug, vocabulary } = await indexFor(query.locale);
  const term = searchTerm(query.q, query.locale, vocabulary);
  if (term.trim().length === 0) return [];
  const where: Record<string, { eq: string }> = {};
  if (query.generalOnly) where.provider = { eq: GENERAL };
  else if (query.provider) where.provider = { eq: query.provider };
  if (query.errorType) where.errorType = { eq: query.errorType };
  const result = await search(db, {
    term,
    properties: ['title', 'tags', 'body'],
    boost: BOOST,
    threshold: 1,
    limit: query.limit ?? 10,
    ...(Object.keys(where).length > 0 ? { where } : {}),
  });
  return result.hits.flatMap((hit) => {
    const article = bySlug.get(hit.document.slug);
    return article ? [{ article, score: hit.score, snippet: snippetOf(article.body, query.q, query.locale) }] : [];
  });
}

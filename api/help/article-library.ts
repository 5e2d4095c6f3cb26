// Every help article, loaded and expanded once: general articles as written, provider articles
// from the per-locale templates filled for each catalogue provider.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES, PROVIDERS, type Locale } from '../../core/providers/index.js';
import { readArticleSource, type ArticleSource } from './article-front-matter.js';
import { articleKindsOf } from './article-kinds.js';
import { expandTemplate } from './article-template.js';
import type { ArticleFilter, HelpArticle } from './article.types.js';
import { stepsOf } from './article-steps.js';
import { fillPolicy, ticketPolicy } from './ticket-policy-text.js';

const ARTICLES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'articles');
const FALLBACK: Locale = 'en';

/** Built once per ticket policy (the app sets it at start; articles quote it). */
let cache: { policy: string; articles: HelpArticle[] } | undefined;

const markdownFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : []);

const readArticle = (file: string): ArticleSource => readArticleSource(readFileSync(file, 'utf8'), file);

function loadGeneral(locale: Locale): HelpArticle[] {
  const dir = join(ARTICLES_DIR, 'general', locale);
  return markdownFiles(dir).map((file) => {
    const { fields, body: source } = readArticle(join(dir, file));
    const body = fillPolicy(source);
    const slug = fields.slug ?? file.replace(/\.md$/, '');
    return {
      slug,
      locale,
      title: fields.title,
      ...(fields.errorType ? { errorType: fields.errorType } : {}),
      ...(fields.cause ? { cause: fields.cause } : {}),
      tags: (fields.tags ?? []).map(fillPolicy),
      body,
      steps: stepsOf(body),
    };
  });
}

function loadProviderArticles(locale: Locale): HelpArticle[] {
  const dir = join(ARTICLES_DIR, 'templates', locale);
  return PROVIDERS.flatMap((provider) =>
    articleKindsOf(provider).flatMap((kind) => {
      const file = join(dir, `${kind.template}.md`);
      return existsSync(file) ? [expandTemplate(readArticle(file), locale, provider, kind)] : [];
    }),
  );
}

/** All articles in all locales (a locale missing a template simply has fewer articles). */
export function allArticles(): readonly HelpArticle[] {
  const policy = JSON.stringify(ticketPolicy());
  if (cache?.policy !== policy) cache = { policy, articles: LOCALES.flatMap((locale) => [...loadGeneral(locale), ...loadProviderArticles(locale)]) };
  return cache.articles;
}

/** One article in a locale, or its English version when that locale has none. */
export function getArticle(slug: string, locale: Locale = FALLBACK): HelpArticle | undefined {
  const articles = allArticles();
  return articles.find((a) => a.slug === slug && a.locale === locale) ?? articles.find((a) => a.slug === slug && a.locale === FALLBACK);
}

/** Articles matching a filter; without a locale, English. General articles first, then by slug. */
export function listArticles(filter: ArticleFilter = {}): HelpArticle[] {
  const locale = filter.locale ?? FALLBACK;
  return allArticles()
    .filter((a) => a.locale === locale)
    .filter((a) => filter.provider === undefined || a.provider === filter.provider)
    .filter((a) => filter.errorType === undefined || a.errorType === filter.errorType)
    .filter((a) => filter.cause === undefined || a.cause === filter.cause)
    .sort((a, b) => Number(Boolean(a.provider)) - Number(Boolean(b.provider)) || a.slug.localeCompare(b.slug));
}

export const articleUrl = (slug: string, locale: Locale): string => `/help/articles/${encodeURIComponent(slug)}?locale=${locale}`;

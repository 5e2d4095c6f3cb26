// Help center pages in the merchant site: search in the merchant's language, and each article.
import type { FastifyPluginAsync } from 'fastify';
import { getArticle, listArticles } from '../help/article-library.js';
import { searchArticles } from '../help/search-index.js';
import { pageLocale, renderPage } from './page-layout.js';

/** Markdown as the articles use it: headings, numbered steps, paragraphs. */
function blocks(markdown: string) {
  const out: { heading: boolean; text: string | null; items: string[] | null }[] = [];
  for (const chunk of markdown.split(/\n\s*\n/)) {
    const lines = chunk.trim().split('\n');
    if (!lines[0]) continue;
    if (lines[0].startsWith('#')) out.push({ heading: true, text: lines[0].replace(/^#+\s*/, ''), items: null });
    else if (/^\d+\.\s/.test(lines[0])) out.push({ heading: false, text: null, items: lines.map((l) => l.replace(/^\d+\.\s*/, '')) });
    else out.push({ heading: false, text: lines.join(' ').replace(/[*_`]/g, ''), items: null });
  }
  return out;
}

const options = { titleKey: 'page.help.title', nav: 'help' as const, withoutContactsDialog: true };

export const helpPages: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { q?: string } }>('/help', { schema: { hide: true } }, async (request, reply) => {
    const locale = pageLocale(request);
    const q = (request.query.q ?? '').slice(0, 200);
    const results = q.trim()
      ? (await searchArticles({ q, locale, limit: 20 })).map((h) => ({ slug: h.article.slug, title: h.article.title, snippet: h.snippet ?? '' }))
      : listArticles({ locale }).filter((a) => !a.provider).map((a) => ({ slug: a.slug, title: a.title, snippet: '' }));
    return renderPage(request, reply, 'help', { query: q, results, article: null }, options);
  });

  app.get<{ Params: { slug: string } }>('/help/articles/:slug', { schema: { hide: true } }, async (request, reply) => {
    const locale = pageLocale(request);
    const article = getArticle(request.params.slug, locale);
    if (!article) return renderPage(request, reply, 'help', { query: '', results: [], article: null }, options, 404);
    return renderPage(request, reply, 'help', { query: '', results: [], article: { title: article.title, blocks: blocks(article.body) } }, options);
  });
};

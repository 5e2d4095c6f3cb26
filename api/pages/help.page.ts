// Help center pages in the merchant site: search in the merchant's language, and each article.
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import Handlebars from 'handlebars';
import { getArticle, listArticles } from '../../help/article-library.js';
import { searchArticles } from '../../help/search-index.js';
import { LOCALES, pickLocale, type Locale } from '../../providers/index.js';

const page = Handlebars.create().compile(readFileSync(new URL('../../templates/pages/help.html.hbs', import.meta.url), 'utf8'), { strict: false });
const supportTexts = JSON.parse(readFileSync(new URL('../../templates/pages/support-texts.json', import.meta.url), 'utf8')) as Record<Locale, Record<string, string>>;
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español', fr: 'Français', it: 'Italiano', pt: 'Português' };

/** Markdown as the articles use it: headings, numbered steps, paragraphs. */
function blocks(markdown: string) {
  const out: { heading?: boolean; text?: string; items?: string[] }[] = [];
  for (const chunk of markdown.split(/\n\s*\n/)) {
    const lines = chunk.trim().split('\n');
    if (!lines[0]) continue;
    if (lines[0].startsWith('#')) out.push({ heading: true, text: lines[0].replace(/^#+\s*/, '') });
    else if (/^\d+\.\s/.test(lines[0])) out.push({ items: lines.map((l) => l.replace(/^\d+\.\s*/, '')) });
    else out.push({ text: lines.join(' ').replace(/[*_`]/g, '') });
  }
  return out;
}

const localeOf = (query: string | undefined, header: string | undefined): Locale => pickLocale([query, ...(header ?? '').split(',').map((l) => l.split(';')[0])]);

export const helpPages: FastifyPluginAsync = async (app) => {
  const common = (locale: Locale) => ({
    locale,
    languages: LOCALES.map((code) => ({ code, name: LANGUAGE_NAMES[code], current: code === locale })),
    supportLabel: supportTexts[locale].title,
    searchLabel: supportTexts[locale].browse,
    title: supportTexts[locale].docs,
  });

  app.get<{ Querystring: { q?: string; locale?: string } }>('/help', { schema: { hide: true } }, async (request, reply) => {
    const locale = localeOf(request.query.locale, request.headers['accept-language']);
    const q = (request.query.q ?? '').slice(0, 200);
    const results = q.trim()
      ? (await searchArticles({ q, locale, limit: 20 })).map((h) => ({ slug: h.article.slug, title: h.article.title, snippet: h.snippet }))
      : listArticles({ locale }).filter((a) => !a.provider).map((a) => ({ slug: a.slug, title: a.title, snippet: '' }));
    return reply.type('text/html; charset=utf-8').send(page({ ...common(locale), query: q, results }));
  });

  app.get<{ Params: { slug: string }; Querystring: { locale?: string } }>('/help/articles/:slug', { schema: { hide: true } }, async (request, reply) => {
    const locale = localeOf(request.query.locale, request.headers['accept-language']);
    const article = getArticle(request.params.slug, locale);
    if (!article) return reply.code(404).type('text/html; charset=utf-8').send(page({ ...common(locale), query: '', results: [] }));
    return reply.type('text/html; charset=utf-8').send(page({ ...common(locale), article: { title: article.title, blocks: blocks(article.body) } }));
  });
};

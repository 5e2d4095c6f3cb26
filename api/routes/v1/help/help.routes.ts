import { type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Repair } from '../../../../core/db/entities/index.js';
import { notFound } from '../../../../core/services/problem.js';
import { articleUrl, getArticle, listArticles } from '../../../help/article-library.js';
import type { HelpArticle } from '../../../help/article.types.js';
import { askAssistant } from '../../../help/help-assistant.js';
import { searchArticles } from '../../../help/search-index.js';
import { problemResponses } from '../../../schemas/common.schemas.js';
import { ArticleDetail, ArticleList, ArticleListQuery, ArticleParams, ArticleQuery, AskAnswer, AskBody } from './help.schemas.js';
import { SUPPORT_TOO } from '../../../plugins/route-access.js';

const tags = ['help'];

const summaryOf = (article: HelpArticle) => ({
  slug: article.slug,
  locale: article.locale,
  title: article.title,
  provider: article.provider ?? null,
  errorType: article.errorType ?? null,
  cause: article.cause ?? null,
  tags: article.tags,
  url: articleUrl(article.slug, article.locale),
});

export const helpRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/help/articles',
    { config: SUPPORT_TOO, schema: { tags, summary: 'Help articles: searched by `q` (ranked, with snippets) or listed', querystring: ArticleListQuery, response: { 200: ArticleList, ...problemResponses(400, 401) } } },
    async (request) => {
      const { q, locale = 'en', provider, errorType, limit = 20 } = request.query;
      if (q && q.trim().length > 0) {
        const hits = await searchArticles({ q, locale, provider, errorType, limit });
        return { items: hits.map((h) => ({ ...summaryOf(h.article), snippet: h.snippet, score: h.score })) };
      }
      return { items: listArticles({ locale, provider, errorType }).slice(0, limit).map(summaryOf) };
    },
  );

  app.get(
    '/v1/help/articles/:slug',
    { config: SUPPORT_TOO, schema: { tags, summary: 'One help article, in the locale asked for or else in English', params: ArticleParams, querystring: ArticleQuery, response: { 200: ArticleDetail, ...problemResponses(400, 401, 404) } } },
    async (request) => {
      const article = getArticle(request.params.slug, request.query.locale ?? 'en');
      if (!article) throw notFound('help article', request.params.slug);
      return { ...summaryOf(article), body: article.body, steps: article.steps };
    },
  );

  app.post(
    '/v1/help/ask',
    { config: SUPPORT_TOO, schema: { tags, summary: 'Ask the help assistant: the best article and its steps, or an offer to open a ticket', body: AskBody, response: { 200: AskAnswer, ...problemResponses(400, 401, 404) } } },
    async (request) => {
      const { question, locale, repairId } = request.body;
      const repair = repairId ? await request.em.findOne(Repair, { id: repairId }) : undefined;
      if (repairId && !repair) throw notFound('repair', repairId);
      return askAssistant({ question, locale, ...(repair ? { repair: { provider: repair.provider, errorType: repair.errorType, cause: repair.cause } } : {}) });
    },
  );
};

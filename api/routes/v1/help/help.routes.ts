import { type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Org, Repair, User, type UserRow } from '../../../../core/db/entities/index.js';
import { notFound, unprocessable } from '../../../../core/services/problem.js';
import { articleUrl, getArticle, listArticles } from '../../../help/article-library.js';
import type { HelpArticle } from '../../../help/article.types.js';
import { askInConversation } from '../../../help/assistant-conversation.js';
import { searchArticles } from '../../../help/search-index.js';
import { problemResponses } from '../../../schemas/common.schemas.js';
import { ArticleDetail, ArticleList, ArticleListQuery, ArticleParams, ArticleQuery, AskAnswer, AskBody } from './help.schemas.js';
import { SUPPORT_TOO } from '../../../plugins/route-access.js';

const tags = ['help'];

/**
 * The user the question is asked for, held to the organization like every id in a body (422 naming
 * the field); an unknown organization is 404. No user: the calling backend sees everything.
 */
async function askingUser(em: EntityManager, orgId: string | undefined, userId: string | undefined): Promise<UserRow | null> {
  if (userId && !orgId) throw unprocessable('A user is asked for within an organization.', [{ name: 'body.orgId', in: 'body', reason: 'required with userId' }]);
  if (!orgId) return null;
  if (!(await em.count(Org, { id: orgId }))) throw notFound('organization', orgId);
  if (!userId) return null;
  const user = await em.findOne(User, { id: userId, org: orgId });
  if (!user) throw unprocessable('The user is not a user of this organization.', [{ name: 'body.userId', in: 'body', reason: 'not a user of this organization' }]);
  return user;
}

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

export const helpRoutes: FastifyPluginAsyncTypebox<{ publicUrl?: string }> = async (app, options) => {
  const publicUrl = (options.publicUrl ?? '').replace(/\/$/, '');
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
    {
      config: SUPPORT_TOO,
      schema: {
        tags,
        summary: 'Ask the help assistant: an answer from the organization\'s open repairs and the best article, in a conversation',
        description: 'With `orgId` the answer starts from that organization\'s open repairs (`repairs`); with `userId` too, a user who may not reconnect gets the read-only path. Send `conversationId` back to keep the context of follow-ups ("and on Deliveroo?").',
        body: AskBody,
        response: { 200: AskAnswer, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { question, locale, repairId, orgId, userId, conversationId } = request.body;
      const user = await askingUser(request.em, orgId, userId);
      const repair = repairId ? await request.em.findOne(Repair, { id: repairId, ...(orgId ? { org: orgId } : {}) }) : undefined;
      if (repairId && !repair) throw notFound('repair', repairId);
      const answer = await askInConversation(request.em, {
        question,
        ...(locale ? { locale } : {}),
        ...(conversationId ? { conversationId } : {}),
        scope: { scope: `api:${orgId ?? '-'}`, orgId: orgId ?? null, userId: userId ?? null },
        user,
        ...(repair ? { repair: { provider: repair.provider, errorType: repair.errorType, cause: repair.cause } } : {}),
        linkTo: (id) => `${publicUrl}/repairs/${id}`,
        unknownConversation: 'fail',
      });
      // Never the question itself: a merchant may type anything into it, a password included.
      request.log.info({ conversationId: answer.conversationId, orgId, answered: answer.answered, followUp: answer.followUp, repairIds: answer.repairs.map((r) => r.repairId), article: answer.article?.slug }, 'help assistant answered');
      return answer;
    },
  );
};

// Errors on the merchant pages answer a page in the reader's language, never JSON, and hide internals.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { toProblemError } from '../plugins/problem.plugin.js';
import { renderPage } from './page-layout.js';
import { safeNext } from './merchant-session.js';

type ErrorPage = 'notFound' | 'expiredForm' | 'forbidden' | 'conflict' | 'tooMany' | 'unavailable' | 'badRequest' | 'internal';

function pageFor(status: number, kind: string): ErrorPage {
  if (kind.startsWith('fst-csrf')) return 'expiredForm';
  if (status === 404) return 'notFound';
  if (status === 403) return 'forbidden';
  if (status === 409) return 'conflict';
  if (status === 429) return 'tooMany';
  if (status === 503) return 'unavailable';
  if (status < 500) return 'badRequest';
  return 'internal';
}

export async function pageErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblemError(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'page failed');
  if (problem.headers) reply.headers(problem.headers);
  const name = pageFor(problem.status, problem.kind);
  const back = name === 'expiredForm' && request.headers.referer ? safeNext(new URL(request.headers.referer, 'http://x').pathname) : '/';
  try {
    return await renderPage(
      request,
      reply,
      'error',
      { titleKey: `page.error.${name}.title`, bodyKey: `page.error.${name}.body`, actionKey: name === 'expiredForm' ? 'page.error.action.back' : 'page.error.action.home', href: back },
      { titleKey: `page.error.${name}.title`, withoutContactsDialog: true },
      problem.status,
    );
  } catch (renderError) {
    request.log.error({ err: renderError }, 'error page failed');
    return reply.code(problem.status).type('text/plain; charset=utf-8').send(problem.title);
  }
}

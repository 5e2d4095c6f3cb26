// A browser asking for a path that does not exist gets a page, not JSON (the API keeps problem+json).
import type { FastifyRequest } from 'fastify';
import { translate } from '../../core/i18n/index.js';
import { pickLocale } from '../../core/providers/index.js';

export function wantsPage(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return request.method === 'GET' && !path.startsWith('/v1/') && !path.startsWith('/docs') && (request.headers.accept ?? '').includes('text/html');
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function notFoundPage(request: FastifyRequest): string {
  const locale = pickLocale(request.languages());
  const t = (key: string) => escape(translate(locale, key));
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('page.error.notFound.title')} · Repair</title><link rel="stylesheet" href="/assets/pages.css"></head>
<body><main id="main"><section class="card narrow"><h1>${t('page.error.notFound.title')}</h1><p>${t('page.error.notFound.body')}</p><p><a class="button" href="/">${t('page.error.action.home')}</a></p></section></main></body>
</html>`;
}

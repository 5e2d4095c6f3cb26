// The support page: the four ways to reach help, with their response times, in the merchant's language.
import type { FastifyPluginAsync } from 'fastify';
import { renderPage } from './page-layout.js';

export const COMMUNITY_URL = process.env.COMMUNITY_URL ?? 'https://community.repair.example';

export const supportPage: FastifyPluginAsync = async (app) => {
  app.get('/support', { schema: { hide: true } }, async (request, reply) => {
    // A session opened from a repair's link asks for help with that repair (it has no other tickets to open).
    const scope = request.merchant?.repairScope;
    const ticketHref = scope ? `/repairs/${scope}/support` : request.merchant ? '/support/tickets/new' : `/sign-in?next=${encodeURIComponent('/support/tickets/new')}`;
    const channel = (name: string, href: string, action: string) => ({ nameKey: `page.support.${name}`, purposeKey: `page.support.${name}.purpose`, responseKey: `page.support.${name}.response`, href, actionKey: `page.support.${action}` });
    const channels = [
      channel('assistant', '/support/assistant', 'ask'),
      channel('community', COMMUNITY_URL, 'join'),
      channel('ticket', ticketHref, 'open'),
      channel('docs', '/help', 'browse'),
    ];
    return renderPage(request, reply, 'support', { channels, signedIn: Boolean(request.merchant) }, { titleKey: 'page.support.title', nav: 'support', withoutContactsDialog: true });
  });
};

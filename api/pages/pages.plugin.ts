// The merchant site: server-rendered pages in their own scope (sessions, CSRF, security headers,
// forms, assets) beside the JSON API, calling the same services as the API's routes.
import { ticketPolicyOf } from '../help/ticket-policy-text.js';
import { hkdfSync } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import formbody from '@fastify/formbody';
import secureSession from '@fastify/secure-session';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import view from '@fastify/view';
import type { AppConfig } from '../../core/config/config.js';
import { linkKeysOf } from '../../core/secrets/repair-links.js';
import { keysCurrentFirst } from '../../core/secrets/load-secret-keys.js';
import { createPageEngine, PAGE_TEMPLATES_DIR, pagePartials } from './page-engine.js';
import { pageErrorHandler } from './page-errors.js';
import { chooseLocale, loadMerchant } from './merchant-session.js';
import { keepToRepairScope } from './repair-scope.js';
import { LOCALES, type Locale } from '../../core/providers/index.js';
import { signInPages } from './sign-in.page.js';
import { homePages } from './home.page.js';
import { repairPages } from './repair.page.js';
import { integrationsPages } from './integrations.page.js';
import { contactsPages } from './contacts.page.js';
import { closuresPages } from './closures.page.js';
import { contactsConfirmPage } from './contacts-confirm.page.js';
import { supportPage } from './support.page.js';
import { helpPages } from './help.page.js';
import { ticketPages } from './tickets.page.js';
import { assistantPage } from './assistant.page.js';
import { publicRoute } from '../plugins/route-access.js';

/** Session keys derived from the secrets keys (current first, so older cookies still open after a rotation). */
const sessionKeys = (config: AppConfig) => keysCurrentFirst(config.secretKeys).map((key) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'repair-session-v1', 32)));

declare module 'fastify' {
  interface FastifyInstance {
    /** Development only: where the provider sandbox's console is (null in production). */
    sandboxConsoleUrl: string | null;
    /** What pages say that comes from settings: absolute links in e-mails they prepare, the ticket policy. */
    pageSettings: { publicUrl: string; firstResponseHours: number; autoCloseHours: number; contactsConfirmEveryDays: number };
  }
}

export const pagesPlugin: FastifyPluginAsync<{ config: AppConfig }> = async (app, { config }) => {
  // The pages need no API key: they check the merchant's session (and its permissions) themselves.
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, ...(route.config?.auth ? {} : publicRoute('merchant-session')) };
  });
  await app.register(formbody);
  await app.register(secureSession, {
    key: sessionKeys(config),
    cookieName: 'repair_session',
    expiry: config.pages.sessionTtlSeconds,
    cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.pages.secureCookies, maxAge: config.pages.sessionTtlSeconds },
  });
  await app.register(csrf, { sessionPlugin: '@fastify/secure-session' });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { 'script-src': ["'self'"], 'style-src': ["'self'"], 'form-action': ["'self'"], 'upgrade-insecure-requests': config.pages.secureCookies ? [] : null },
    },
    strictTransportSecurity: config.pages.secureCookies,
  });
  await app.register(rateLimit, { global: false });
  await app.register(fastifyStatic, { root: fileURLToPath(new URL('../../templates/pages/assets/', import.meta.url)), prefix: '/assets/', maxAge: '1h' });
  await app.register(view, {
    engine: { handlebars: createPageEngine() },
    root: PAGE_TEMPLATES_DIR,
    production: true,
    options: { partials: pagePartials(), compileOptions: { strict: true } },
  });

  app.decorate('sandboxConsoleUrl', config.pages.sandboxConsoleUrl);
  app.decorate('pageSettings', { publicUrl: config.publicUrl, ...ticketPolicyOf(config.tickets), contactsConfirmEveryDays: config.contactsConfirmEveryDays });
  app.decorateRequest('merchant', null);
  app.decorateRequest('guestRepairId', null);
  app.decorateRequest('formId', undefined);
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/assets/')) return;
    await loadMerchant(request);
    // The language switcher is a link on every page: `?locale=fr` keeps French for the session.
    const asked = (request.query as { locale?: string } | undefined)?.locale;
    if (asked && (LOCALES as readonly string[]).includes(asked)) chooseLocale(request, asked as Locale);
    return keepToRepairScope(request, reply);
  });
  app.setErrorHandler(pageErrorHandler);

  await app.register(signInPages, { config, linkKeys: linkKeysOf(config.secretKeys) });
  await app.register(homePages);
  await app.register(repairPages);
  await app.register(integrationsPages);
  await app.register(contactsPages);
  await app.register(closuresPages);
  await app.register(contactsConfirmPage);
  await app.register(ticketPages);
  await app.register(supportPage);
  await app.register(helpPages);
  await app.register(assistantPage);
};

// Home: the "Disconnected channels" widget with Repair now, refreshed live while repairs move.
import type { FastifyPluginAsync } from 'fastify';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '../../core/providers/index.js';
import { openRepairsOf } from '../views/open-repairs.js';
import { merchantOf, requireMerchant } from './merchant-session.js';
import { pageLocale, renderFragment, renderPage } from './page-layout.js';
import { lostPerHour, problemLabel } from './repair-labels.js';
import { requirePagePermission } from './page-permissions.js';

export async function widgetModel(em: EntityManager, org: { id: string; timezone: string }, locale: Locale) {
  const open = await openRepairsOf(em, org.id);
  return {
    key: open.map((r) => `${r.id}:${r.state}`).join(',') || 'none',
    repairCount: open.length,
    storeCount: new Set(open.flatMap((r) => r.stores.map((s) => s.id))).size,
    items: open.map((r) => ({ providerName: r.providerName, problemLabel: problemLabel(r, locale), storeCount: r.storeCount })),
    lostPerHour: lostPerHour(open, locale, org.timezone),
  };
}

export const homePages: FastifyPluginAsync = async (app) => {
  app.get('/', { schema: { hide: true }, onRequest: [requireMerchant, requirePagePermission('integrations:view')] }, async (request, reply) => {
    const widget = await widgetModel(request.em, merchantOf(request).org, pageLocale(request));
    return renderPage(request, reply, 'home', { widget }, { titleKey: 'page.home.pageTitle', nav: 'home' });
  });

  app.get('/widgets/disconnected-channels', { schema: { hide: true }, onRequest: [requireMerchant, requirePagePermission('integrations:view')] }, async (request, reply) =>
    renderFragment(request, reply, 'disconnected-channels', await widgetModel(request.em, merchantOf(request).org, pageLocale(request))),
  );
};

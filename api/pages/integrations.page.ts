// Settings → Connected integrations: each connection with its status, and Reconnect where it needs attention.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Repair, Store } from '../../core/db/entities/index.js';
import { findProvider } from '../../core/providers/index.js';
import { CLOSED_STATES } from '../../workflows/repair/repair-rules.js';
import { listConnections } from '../../core/services/registry/connections.service.js';
import { storeViews } from '../views/repair-view.js';
import { merchantOf, requireMerchant } from './merchant-session.js';
import { renderFragment, renderPage } from './page-layout.js';
import { requirePagePermission } from './page-permissions.js';
import { repairActionKey } from './repair-labels.js';
import { hasPermission } from '../../core/services/registry/permissions.js';

export async function integrationsModel(em: EntityManager, orgId: string, canReconnect: boolean) {
  const connections = await listConnections(em, orgId, { limit: 500, offset: 0 });
  const open = await em.find(Repair, { org: orgId, state: { $nin: [...CLOSED_STATES] } }, { fields: ['id', 'connection', 'state', 'resolution'] });
  const repairOf = new Map(open.map((r) => [r.connection, r]));
  const stores = new Map((await storeViews(em, await em.find(Store, { org: orgId }))).map((s) => [s.id, s]));
  const items = connections.map((c) => {
    const repair = repairOf.get(c.id);
    const healthy = c.status === 'healthy' && !repair;
    const connectionStores = c.storeIds.flatMap((id) => stores.get(id) ?? []);
    return {
      id: c.id,
      providerName: findProvider(c.provider)?.name ?? c.provider,
      accountRef: c.accountRef,
      healthy,
      statusKey: healthy ? 'page.status.healthy' : 'page.status.needsAttention',
      repairHref: repair ? `/repairs/${repair.id}` : null,
      actionKey: repair ? repairActionKey(repair, canReconnect) : null,
      stores: connectionStores,
      storeCount: connectionStores.length,
      // A healthy connection has stores; only a broken one has affected stores.
      storesKey: healthy ? 'page.stores.all' : 'page.stores.affected',
      multipleStores: connectionStores.length > 1,
    };
  });
  return { key: items.map((i) => `${i.id}:${i.healthy}`).join(',') || 'none', items };
}

export const integrationsPages: FastifyPluginAsync = async (app) => {
  app.get('/settings/integrations', { schema: { hide: true }, onRequest: [requireMerchant, requirePagePermission('integrations:view')] }, async (request, reply) =>
    renderPage(request, reply, 'integrations', await integrationsModel(request.em, merchantOf(request).org.id, mayReconnect(request)), { titleKey: 'page.integrations.title', nav: 'integrations' }),
  );
  app.get('/widgets/integrations', { schema: { hide: true }, onRequest: [requireMerchant, requirePagePermission('integrations:view')] }, async (request, reply) =>
    renderFragment(request, reply, 'integrations-list', await integrationsModel(request.em, merchantOf(request).org.id, mayReconnect(request))),
  );
};

const mayReconnect = (request: FastifyRequest) => hasPermission(merchantOf(request).user, 'integrations:reconnect');

import type { FastifyPluginAsync } from 'fastify';
import * as brands from '../../../../core/services/registry/brands.service.js';
import * as locations from '../../../../core/services/registry/locations.service.js';
import * as stores from '../../../../core/services/registry/stores.service.js';
import * as users from '../../../../core/services/registry/users.service.js';
import { brandView, locationView, storeView, userView } from '../../../../core/services/registry/views.js';
import { connectionsRoutes } from './connections.routes.js';
import { orgScopedRoutes } from './org-scoped.routes.js';
import { orgsRoutes } from './orgs.routes.js';
import { OutboundPolicy, type OutboundAllowEntry } from '../../../../activities/outbound/outbound-policy.js';
import { BrandBody, BrandView, LocationBody, LocationView, StoreBody, StoreView, UserBody, UserView } from './registry.schemas.js';

/** The registry that repairs act on: organizations and what they own. */
export const registryRoutes: FastifyPluginAsync<{ outboundAllow?: OutboundAllowEntry[] }> = async (app, options) => {
  const outbound = new OutboundPolicy(options.outboundAllow ?? []);
  await app.register(orgsRoutes);
  await app.register(
    orgScopedRoutes({ plural: 'users', singular: 'user', idPrefix: 'usr', body: UserBody, view: UserView, create: users.createUser, get: users.getUser, list: users.listUsers, toView: userView }),
  );
  await app.register(
    orgScopedRoutes({ plural: 'locations', singular: 'location', idPrefix: 'loc', body: LocationBody, view: LocationView, create: locations.createLocation, get: locations.getLocation, list: locations.listLocations, toView: locationView }),
  );
  await app.register(
    orgScopedRoutes({ plural: 'brands', singular: 'brand', idPrefix: 'brd', body: BrandBody, view: BrandView, create: brands.createBrand, get: brands.getBrand, list: brands.listBrands, toView: brandView }),
  );
  await app.register(
    orgScopedRoutes({ plural: 'stores', singular: 'store', idPrefix: 'str', body: StoreBody, view: StoreView, create: (em, orgId, input) => stores.createStore(em, orgId, input, outbound), get: stores.getStore, list: stores.listStores, toView: storeView }),
  );
  await app.register(connectionsRoutes);
};

import fp from 'fastify-plugin';
import type { AppConfig } from '../../core/config/config.js';
import { serviceContext, type ServiceContext } from '../../core/services/service-context.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** What every service call takes as its context: built once, shared by routes and pages. */
    services: ServiceContext;
  }
}

/** The services' context (Temporal client, task queue, secret box, policies) for routes and pages. */
export const servicesPlugin = fp<{ config: AppConfig }>(
  async (app, { config }) => {
    app.decorate('services', serviceContext(config, app.temporal));
  },
  { name: 'services', dependencies: ['temporal'] },
);

import fp from 'fastify-plugin';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../core/db/orm.js';

declare module 'fastify' {
  interface FastifyInstance {
    orm: Orm;
  }
  interface FastifyRequest {
    /** An entity manager of this request alone. */
    em: EntityManager;
  }
}

/** Gives each request its own entity manager, so no identity map leaks between requests. */
export const ormPlugin = fp<{ orm: Orm }>(
  async (app, { orm }) => {
    app.decorate('orm', orm);
    app.decorateRequest('em', null as unknown as EntityManager);
    app.addHook('onRequest', async (request) => {
      request.em = orm.em.fork();
    });
  },
  { name: 'orm' },
);

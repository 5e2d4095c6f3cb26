import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProviderStatus } from '../../../core/db/entities/index.js';
import { catalogueView } from '../../../core/providers/index.js';
import { Locale } from '../../schemas/common.schemas.js';
import { SUPPORT_TOO } from '../../plugins/route-access.js';

export const providersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/providers',
    {
      config: SUPPORT_TOO,
      schema: {
        tags: ['providers'],
        summary: 'The provider catalogue (error codes, types, causes, resolutions) and each provider\'s health',
        querystring: Type.Object({ locale: Type.Optional(Locale) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const view = catalogueView(request.query.locale ?? 'en');
      const statuses = new Map((await request.em.find(ProviderStatus, {})).map((s) => [s.provider, s]));
      return {
        ...view,
        providers: view.providers.map((p) => {
          const status = statuses.get(p.id);
          return { ...p, health: status?.degraded ? { degraded: true, since: status.since?.toISOString() ?? null, evidence: status.evidence } : { degraded: false } };
        }),
      };
    },
  );
};

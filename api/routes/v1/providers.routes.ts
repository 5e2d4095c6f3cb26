import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { catalogueView } from '../../../providers/index.js';
import { Locale } from '../../schemas/common.schemas.js';

export const providersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/providers',
    {
      schema: {
        tags: ['providers'],
        summary: 'The provider catalogue: error codes, their types, causes and resolutions',
        querystring: Type.Object({ locale: Type.Optional(Locale) }, { additionalProperties: false }),
      },
    },
    async (request) => catalogueView(request.query.locale ?? 'en'),
  );
};

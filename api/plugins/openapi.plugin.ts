// The OpenAPI document is generated from the route schemas; the UI is served at /docs.
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { publicRoute } from './route-access.js';
import { documentRoute } from './openapi-responses.js';

export const openapiPlugin = fp(
  async (app, options: { publicUrl: string }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Repair API',
          version: '1.0.0',
          description: 'Durable repairs of broken delivery-provider connections. Errors are application/problem+json (RFC 9457).',
        },
        servers: [{ url: options.publicUrl }],
        components: {
          securitySchemes: {
            apiKey: { type: 'http', scheme: 'bearer', description: 'A service API key.' },
            printerBasic: { type: 'http', scheme: 'basic', description: 'A cloud printer\'s CloudPRNT credentials: its id and the password answered when it was registered.' },
          },
        },
        security: [{ apiKey: [] }],
      },
      transform: documentRoute,
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    });
    // The documentation is public; its routes are declared so in a scope of their own.
    await app.register(async (docs) => {
      docs.addHook('onRoute', (route) => {
        route.config = { ...route.config, ...publicRoute('docs') };
      });
      await docs.register(swaggerUi, { routePrefix: '/docs' });
    });
  },
  { name: 'openapi' },
);

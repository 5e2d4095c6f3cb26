// Service callers authenticate with a bearer API key on every /v1 route.
import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import type { ApiKeySetting } from '../../config/config.js';
import { unauthorized } from '../../errors/problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    caller: { role: ApiKeySetting['role'] } | null;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export const authPlugin = fp<{ apiKeys: ApiKeySetting[] }>(
  async (app, { apiKeys }) => {
    // Keys are compared as digests in constant time; the clear keys are not kept.
    const known = apiKeys.map((k) => ({ digest: digest(k.key), role: k.role }));
    app.decorateRequest('caller', null);
    app.addHook('onRequest', async (request) => {
      // Callbacks from Twilio and the like carry their own signatures instead of our API key.
      if (!request.url.startsWith('/v1/') || request.routeOptions.config?.public) return;
      const header = request.headers.authorization;
      const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
      if (!match?.[1]) throw unauthorized('Send an API key as "Authorization: Bearer <key>".');
      const presented = digest(match[1]);
      const found = known.find((k) => timingSafeEqual(k.digest, presented));
      if (!found) throw unauthorized('The API key is not valid.');
      request.caller = { role: found.role };
    });
  },
  { name: 'auth' },
);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route authenticates its callers another way (e.g. Twilio's signature). */
    public?: boolean;
  }
}

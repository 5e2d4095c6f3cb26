// The root plugin: plugins first, then routes. server.ts listens; tests register this and call inject().
import fastifyAccepts from '@fastify/accepts';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Client } from '@temporalio/client';
import type { Registry } from 'prom-client';
import type { AppConfig } from '../core/config/config.js';
import type { Orm } from '../core/db/orm.js';
import { newId } from '../core/db/ids.js';
import { registerFormats } from './schemas/formats.js';
import { buildRequestValidator } from './schemas/request-validators.js';
import { clientErrorHandler } from './errors/client-error.js';
import { authPlugin } from './plugins/auth.plugin.js';
import { metricsPlugin } from './plugins/metrics.plugin.js';
import { openapiPlugin } from './plugins/openapi.plugin.js';
import { ormPlugin } from './plugins/orm.plugin.js';
import { problemPlugin } from './plugins/problem.plugin.js';
import { temporalPlugin } from './plugins/temporal.plugin.js';
import { healthRoutes } from './routes/health.routes.js';
import { registryRoutes } from './routes/v1/registry/index.js';
import { signInLinksRoutes } from './routes/v1/registry/sign-in-links.routes.js';
import { userSessionsRoutes } from './routes/v1/registry/user-sessions.routes.js';
import { providersRoutes } from './routes/v1/providers.routes.js';
import { contactsRoutes } from './routes/v1/contacts/contacts.routes.js';
import { closuresRoutes } from './routes/v1/closures/closures.routes.js';
import { twilioCallRoutes } from './routes/v1/webhooks/twilio-calls.routes.js';
import { twilioInboundRoutes } from './routes/v1/webhooks/twilio-inbound.routes.js';
import { twilioStatusRoutes } from './routes/v1/webhooks/twilio-status.routes.js';
import { webhooksRoutes } from './routes/v1/webhooks/webhooks.routes.js';
import { ticketsRoutes } from './routes/v1/tickets/tickets.routes.js';
import { pagesPlugin } from './pages/pages.plugin.js';
import { ticketPolicyOf, useTicketPolicy } from './help/ticket-policy-text.js';
import { redactLinkTokens } from '../core/secrets/redact-link-tokens.js';
import { helpRoutes } from './routes/v1/help/help.routes.js';
import { repairsRoutes } from './routes/v1/repairs/repairs.routes.js';
import { servicesPlugin } from './plugins/services.plugin.js';
import { cloudprntRoutes } from './routes/cloudprnt/cloudprnt.routes.js';
import { printersRoutes } from './routes/v1/registry/printers.routes.js';

export interface AppDependencies {
  config: AppConfig;
  orm: Orm;
  temporal: Client;
  /** Where request and database metrics go (served on their own port by server.ts); a fresh registry otherwise. */
  metrics?: Registry;
}

export const app: FastifyPluginAsync<AppDependencies> = async (instance, deps) => {
  // request.languages() (Accept-Language, most preferred first): the pages and the not-found page pick their locale from it.
  await instance.register(fastifyAccepts);
  await instance.register(problemPlugin);
  // Auth first: it sees every route registered after it (the route-table tests read them all).
  await instance.register(authPlugin, { apiKeys: deps.config.apiKeys });
  await instance.register(metricsPlugin, { registry: deps.metrics, orm: deps.orm });
  await instance.register(ormPlugin, { orm: deps.orm });
  await instance.register(temporalPlugin, { client: deps.temporal, settings: deps.config.temporal });
  await instance.register(servicesPlugin, { config: deps.config });
  await instance.register(openapiPlugin, { publicUrl: deps.config.publicUrl });
  await instance.register(healthRoutes);
  await instance.register(registryRoutes, { outboundAllow: deps.config.outboundAllow });
  await instance.register(signInLinksRoutes, { config: deps.config });
  await instance.register(userSessionsRoutes);
  await instance.register(providersRoutes);
  await instance.register(contactsRoutes, { confirmEveryDays: deps.config.contactsConfirmEveryDays });
  await instance.register(closuresRoutes);
  await instance.register(webhooksRoutes, { config: deps.config });
  await instance.register(ticketsRoutes);
  await instance.register(helpRoutes, { publicUrl: deps.config.publicUrl });
  await instance.register(twilioStatusRoutes, { authToken: deps.config.channels.twilio.authToken, callbackUrl: deps.config.channels.twilio.statusCallbackUrl });
  // Replies to alert SMS: the same public URL Twilio's number is configured with (docs/alert-answers.md).
  await instance.register(twilioInboundRoutes, { authToken: deps.config.channels.twilio.authToken, inboundUrl: `${deps.config.publicUrl.replace(/\/$/, '')}/v1/webhooks/twilio/inbound`, publicUrl: deps.config.publicUrl });
  // The emergency call's key press and status (docs/alert-answers.md).
  await instance.register(twilioCallRoutes, { authToken: deps.config.channels.twilio.authToken, publicUrl: deps.config.publicUrl });
  await instance.register(repairsRoutes);
  await instance.register(printersRoutes, { publicUrl: deps.config.publicUrl });
  await instance.register(cloudprntRoutes);
  // Help articles and assistant replies quote the configured ticket policy.
  useTicketPolicy(ticketPolicyOf(deps.config.tickets));
  await instance.register(pagesPlugin, { config: deps.config });
};

/** Builds a Fastify instance with the API's options (logging, validation) and the root plugin. */
export async function buildApp(deps: AppDependencies, options: { logger?: boolean; /** Where logs go (stdout by default); tests read them. */ logStream?: NodeJS.WritableStream } = {}): Promise<FastifyInstance> {
  const instance = Fastify({
    logger: options.logger === false ? false : {
      level: deps.config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Secrets never reach the logs, whatever a caller sends.
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.code'], censor: '[redacted]' },
      // A signed link's token is a credential: the logged URL keeps only its shape.
      serializers: { req: (req: FastifyRequest) => ({ method: req.method, url: redactLinkTokens(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort }) },
    },
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : newId('req');
    },
    ajv: { customOptions: { allErrors: true, removeAdditional: false, useDefaults: true }, plugins: [registerFormats] },
    // Bodies are validated as sent; query, params and headers are text, converted only where declared.
    schemaController: { compilersFactory: { buildValidator: buildRequestValidator } },
    bodyLimit: 256 * 1024,
    clientErrorHandler,
    trustProxy: deps.config.trustProxy,
    // Signed links carry their token in the path (/r/<token>).
    maxParamLength: 600,
  }).withTypeProvider<TypeBoxTypeProvider>();
  await instance.register(app, deps);
  return instance;
}

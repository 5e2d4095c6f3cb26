// The provider sandbox: behaves like the 15 providers' merchant login and store-status endpoints,
// with a control API for tests and demos (SPEC section 8). State lives in memory.
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { registerConsoleRoutes } from './console.routes.js';
import { registerControlRoutes } from './control.routes.js';
import { HeldRequests } from './held-requests.js';
import { registerProviderRoutes } from './provider.routes.js';
import { resolveOptions, type SandboxOptions } from './sandbox-options.js';
import { SandboxState } from './sandbox-state.js';

export type { SandboxOptions } from './sandbox-options.js';

interface InvalidField {
  field: string;
  message: string;
}

/** Ajv's errors as field names a person can act on ("secondFactor", not "/secondFactor"). */
function invalidFields(error: FastifyError): InvalidField[] {
  return (error.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>;
    const extra = typeof params.additionalProperty === 'string' ? params.additionalProperty : undefined;
    const field = extra ?? v.instancePath.replace(/^\//, '').replaceAll('/', '.') ?? '';
    const message = extra
      ? 'is not a setting the sandbox knows'
      : Array.isArray(params.allowedValues)
        ? `must be one of ${params.allowedValues.join(', ')}`
        : (v.message ?? 'is invalid');
    return { field: field || String(error.validationContext ?? 'body'), message };
  });
}

export function buildSandbox(options: SandboxOptions = {}): FastifyInstance {
  const settings = resolveOptions(options);
  const app = Fastify({
    logger: options.logger ?? false,
    // Strict input: no type coercion and no silently dropped fields, so a typo is a 400, not a no-op.
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false } },
    // A test double must never keep its host waiting: held answers are flushed in preClose, then
    // every connection is dropped, including keep-alive ones a client opened and never used.
    forceCloseConnections: true,
  });
  const state = new SandboxState(settings);
  const held = new HeldRequests();

  app.setErrorHandler<FastifyError>((error, _request, reply) => {
    if (error.validation) {
      const fields = invalidFields(error);
      const first = fields[0] ?? { field: 'body', message: 'is invalid' };
      return reply.code(400).send({ error: 'invalid_field', field: first.field, message: `${first.field} ${first.message}`, fields });
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    return reply.code(status).send({ error: 'sandbox_error', message: status < 500 ? error.message : 'The sandbox failed; see its log.' });
  });
  // Before the server stops accepting: held requests must end or close would wait for them.
  app.addHook('preClose', () => held.releaseAll());

  app.get('/healthz', async () => ({ status: 'ok' }));
  registerControlRoutes(app, state);
  registerConsoleRoutes(app, state);
  registerProviderRoutes(app, { state, held, options: settings });
  return app;
}

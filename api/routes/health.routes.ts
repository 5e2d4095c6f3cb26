// Liveness and readiness. /readyz is public (load balancers call it): a 503 says only "not ready";
// which backing service failed, and why, goes to the log.
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PROBLEM_CONTENT_TYPE, problemType } from '../../core/services/problem.js';
import { publicRoute } from '../plugins/route-access.js';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
  ]);
}

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The Temporal client retries a failed call after a pause, also once nobody waits for it: a deadline
  // ends those retries, and closing the app waits for the calls still out (closing their connection
  // under a pending retry throws where nothing catches it).
  const temporalChecks = new Set<Promise<unknown>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...temporalChecks]);
  });
  const checkTemporal = () => {
    const call = app.temporal.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => app.temporal.workflowService.getSystemInfo({}));
    temporalChecks.add(call);
    call.then(
      () => temporalChecks.delete(call),
      () => temporalChecks.delete(call),
    );
    return withTimeout(call, 'Temporal');
  };

  app.get('/healthz', { config: publicRoute('health'), schema: { tags: ['health'], summary: 'The process is alive', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get('/readyz', { config: publicRoute('health'), schema: { tags: ['health'], summary: 'PostgreSQL and Temporal are reachable', response: { 200: Type.Object({ status: Type.Literal('ready') }), 503: Type.Ref('Problem') } } }, async (_request, reply) => {
    const checks = {
      postgres: () => withTimeout(app.orm.em.fork().getConnection().execute('select 1'), 'PostgreSQL'),
      temporal: checkTemporal,
    };
    const results: Record<string, string> = {};
    await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await check();
          results[name] = 'ok';
        } catch (error) {
          results[name] = error instanceof Error ? error.message.split('\n')[0]! : 'unreachable';
        }
      }),
    );
    const failing = Object.keys(results).filter((k) => results[k] !== 'ok');
    if (failing.length === 0) return { status: 'ready' };
    app.log.warn({ checks: results }, `not ready: ${failing.join(', ')} not reachable`);
    reply.code(503).type(PROBLEM_CONTENT_TYPE).header('retry-after', '5');
    return JSON.stringify({ type: problemType('not-ready'), title: 'Not ready', status: 503, detail: 'The service cannot take requests yet; try again shortly.' });
  });
};

// Liveness and readiness: /readyz answers 503 naming each backing service that does not answer.
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PROBLEM_CONTENT_TYPE, problemType } from '../../errors/problem.js';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
  ]);
}

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', { schema: { tags: ['health'], summary: 'The process is alive', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get('/readyz', { schema: { tags: ['health'], summary: 'PostgreSQL and Temporal are reachable', response: { 200: Type.Object({ status: Type.Literal('ready'), checks: Type.Record(Type.String(), Type.String()) }), 503: Type.Ref('Problem') } } }, async (_request, reply) => {
    const checks = {
      postgres: () => withTimeout(app.orm.em.fork().getConnection().execute('select 1'), 'PostgreSQL'),
      temporal: () => withTimeout(app.temporal.workflowService.getSystemInfo({}), 'Temporal'),
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
    if (failing.length === 0) return { status: 'ready', checks: results };
    reply.code(503).type(PROBLEM_CONTENT_TYPE).header('retry-after', '5');
    return JSON.stringify({ type: problemType('not-ready'), title: 'Not ready', status: 503, detail: `Not reachable: ${failing.join(', ')}.`, checks: results });
  });
};

// The one error handler: every failure leaves as application/problem+json.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ConnectionException, ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { InvalidParam, Problem, PROBLEM_CONTENT_TYPE, ProblemError, conflict, problemType, unavailable } from '../../core/services/problem.js';
import { validationProblem } from '../errors/validation-problem.js';
import { notFoundPage, wantsPage } from '../pages/not-found-page.js';
import { RouteMethods } from '../errors/allowed-methods.js';

// gRPC DEADLINE_EXCEEDED (4), RESOURCE_EXHAUSTED (8: Temporal is shedding load) and UNAVAILABLE (14).
const TEMPORAL_BUSY_CODES = new Set([4, 8, 14]);

function isTemporalUnavailable(error: unknown): boolean {
  const e = error as { name?: string; code?: unknown; metadata?: unknown; cause?: unknown } | undefined;
  if (!e) return false;
  // The client wraps most as ServiceError; some reach us as the bare gRPC error (it has metadata).
  if (typeof e.code === 'number' && TEMPORAL_BUSY_CODES.has(e.code) && (e.name === 'ServiceError' || e.metadata !== undefined)) return true;
  return e.cause !== undefined && e.cause !== error && isTemporalUnavailable(e.cause);
}

// Socket errors and PostgreSQL's "cannot connect now / admin shutdown / connection failure" states.
const DATABASE_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P03', '08000', '08001', '08003', '08006']);

function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; name?: string; message?: string; cause?: unknown } | undefined;
  if (!e) return false;
  if (e instanceof ConnectionException || e.name === 'KnexTimeoutError') return true;
  if (typeof e.code === 'string' && DATABASE_DOWN_CODES.has(e.code)) return true;
  if (typeof e.message === 'string' && /Connection terminated|Connection ended unexpectedly|connect ECONNREFUSED/.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== error && isDatabaseUnavailable(e.cause);
}

/** Maps any error to a ProblemError; unknown errors become a 500 that hides internals. */
export function toProblemError(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return validationProblem(fastifyError.validation, fastifyError.validationContext);
  if (error instanceof UniqueConstraintViolationException) return conflict('A resource with the same unique values already exists.');
  if (error instanceof ForeignKeyConstraintViolationException) {
    return new ProblemError({ status: 422, kind: 'unprocessable', title: 'The request refers to something that does not exist' });
  }
  if (isDatabaseUnavailable(error) || isTemporalUnavailable(error)) {
    return unavailable('A backing service is not reachable; try again shortly.', 5);
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ProblemError({ status, kind: (fastifyError.code ?? 'bad-request').toLowerCase().replaceAll('_', '-'), title: 'Bad request', detail: fastifyError.message });
  }
  return new ProblemError({ status: 500, kind: 'internal', title: 'Internal error', detail: 'Something failed on our side; it has been logged.' });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: ProblemError) {
  if (problem.headers) reply.headers(problem.headers);
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).serializer(JSON.stringify).send(problem.toProblem(request.url.split('?')[0]));
}

export const problemPlugin = fp(
  async (app) => {
    app.addSchema(InvalidParam);
    app.addSchema(Problem);
    app.setErrorHandler((error, request, reply) => {
      const problem = toProblemError(error);
      if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, problem);
    });
    // Registered first, this sees every route of the app.
    const routeMethods = new RouteMethods();
    app.addHook('onRoute', (route) => routeMethods.add(route.url, route));
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0]!;
      const { methods: allowed, access } = routeMethods.allowedAt(path);
      if (allowed.length > 0) {
        // Saying which methods a path has is for those its routes admit: without a key, a protected path answers 401.
        if (!access.some((a) => 'public' in a)) request.server.admit(request, { roles: [...new Set(access.flatMap((a) => ('roles' in a ? a.roles : [])))] });
        return sendProblem(request, reply, new ProblemError({ status: 405, kind: 'method-not-allowed', title: 'Method not allowed', detail: `${path} answers ${allowed.join(', ')}, not ${request.method}.`, headers: { allow: allowed.join(', ') } }));
      }
      return wantsPage(request)
        ? reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(request))
        : sendProblem(request, reply, new ProblemError({ status: 404, kind: 'not-found', title: 'Not found', detail: `No route ${request.method} ${path}.` }));
    });
  },
  { name: 'problem' },
);

export { problemType };

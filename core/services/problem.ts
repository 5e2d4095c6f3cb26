// RFC 9457 problem details: the one shape every error of the API takes.
import { Type, type Static } from 'typebox';

export const InvalidParam = Type.Object(
  {
    name: Type.String({ description: 'The invalid field, e.g. `body.email` or `query.orgId`.' }),
    pointer: Type.Optional(Type.String({ description: 'JSON pointer into the part of the request named by `in`.' })),
    in: Type.Optional(Type.String({ description: 'body, query, params or headers' })),
    reason: Type.String(),
  },
  { $id: 'InvalidParam' },
);
export type InvalidParam = Static<typeof InvalidParam>;

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'A URI naming the kind of problem.' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Ref('InvalidParam'))),
  },
  { $id: 'Problem', additionalProperties: true },
);
export type Problem = Static<typeof Problem> & Record<string, unknown>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://repair.dev/problems/';

/** A domain error that already knows its HTTP answer. */
export class ProblemError extends Error {
  readonly status: number;
  readonly kind: string;
  readonly title: string;
  readonly errors?: InvalidParam[];
  readonly extra?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(options: {
    status: number;
    kind: string;
    title: string;
    detail?: string;
    errors?: InvalidParam[];
    extra?: Record<string, unknown>;
    headers?: Record<string, string>;
  }) {
    super(options.detail ?? options.title);
    this.name = 'ProblemError';
    this.status = options.status;
    this.kind = options.kind;
    this.title = options.title;
    this.errors = options.errors;
    this.extra = options.extra;
    this.headers = options.headers;
  }

  toProblem(instance?: string): Problem {
    return {
      type: TYPE_BASE + this.kind,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extra,
    };
  }
}

export function problemType(kind: string): string {
  return TYPE_BASE + kind;
}

export const notFound = (resource: string, id: string) =>
  new ProblemError({ status: 404, kind: 'not-found', title: `${resource} not found`, detail: `No ${resource} with id "${id}".` });

export const unprocessable = (detail: string, errors: InvalidParam[]) =>
  new ProblemError({ status: 422, kind: 'unprocessable', title: 'The request cannot be applied', detail, errors });

export const conflict = (detail: string, extra?: Record<string, unknown>) =>
  new ProblemError({ status: 409, kind: 'conflict', title: 'Conflict with the current state', detail, extra });

export const forbidden = (detail: string) => new ProblemError({ status: 403, kind: 'forbidden', title: 'Unauthorized', detail });

export const unauthorized = (detail: string) =>
  new ProblemError({ status: 401, kind: 'unauthorized', title: 'Authentication required', detail, headers: { 'www-authenticate': 'Bearer' } });

export const unavailable = (detail: string, retryAfterSeconds: number) =>
  new ProblemError({
    status: 503,
    kind: 'unavailable',
    title: 'Service unavailable',
    detail,
    headers: { 'retry-after': String(retryAfterSeconds) },
  });

// Small helpers over app.inject for the sandbox tests.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { findProvider, unwrapError, wrapError, type ErrorRule } from '../../core/providers/index.js';

export const PARTNER_AUTH = { authorization: 'Bearer sandbox-partner-key' };

/** Unique per test, so tests never share an account. */
export const uniqueRef = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

export function sandboxClient(app: FastifyInstance) {
  return {
    put: (provider: string, ref: string, payload?: object) => app.inject({ method: 'PUT', url: `/sandbox/accounts/${provider}/${ref}`, ...(payload ? { payload } : {}) }),
    get: (provider: string, ref: string) => app.inject({ method: 'GET', url: `/sandbox/accounts/${provider}/${ref}` }),
    remove: (provider: string, ref: string) => app.inject({ method: 'DELETE', url: `/sandbox/accounts/${provider}/${ref}` }),
    lastCode: (provider: string, ref: string) => app.inject({ method: 'GET', url: `/sandbox/accounts/${provider}/${ref}/last-code` }),
    login: (provider: string, payload: { accountRef?: string; username?: string; password?: string }) =>
      app.inject({ method: 'POST', url: `/providers/${provider}/login`, payload }),
    verify: (provider: string, payload: { accountRef?: string; challengeId: string; code: string }) =>
      app.inject({ method: 'POST', url: `/providers/${provider}/login/verify`, payload }),
    status: (provider: string, ref: string, headers: Record<string, string> = PARTNER_AUTH) =>
      app.inject({ method: 'GET', url: `/providers/${provider}/accounts/${ref}/status`, headers }),
  };
}

/** The provider's own error code in an answer, read with its own envelope. */
export const errorCodeOf = (provider: string, res: LightMyRequestResponse) => unwrapError(findProvider(provider)!.errorEnvelope, res.json())?.code;

/** Asserts-friendly: the exact body and status a rule answers with, in the provider's envelope. */
export const answerOf = (provider: string, rule: ErrorRule, status = rule.httpStatus) => ({
  status,
  body: wrapError(findProvider(provider)!.errorEnvelope, rule.code, rule.sampleMessage),
});

export const answer = (res: LightMyRequestResponse) => ({ status: res.statusCode, body: res.json() as unknown });

// The sandbox answers every condition with the provider's own rule from the catalogue, in the
// provider's own envelope, so the sandbox and the classification can never disagree.
import type { FastifyReply } from 'fastify';
import { codeRejectionRule, findProvider, ruleFor, wrapError, type CodeRejection, type ErrorRule, type ErrorType, type StoreConfigCause } from '../../core/providers/index.js';

function send(reply: FastifyReply, providerId: string, rule: ErrorRule | undefined, status?: number): FastifyReply {
  const provider = findProvider(providerId);
  // The catalogue tests guarantee every rule the sandbox asks for; this is a bug if it shows.
  if (!provider || !rule) return reply.code(500).send({ error: 'sandbox_rule_missing', provider: providerId });
  return reply.code(status ?? rule.httpStatus).send(wrapError(provider.errorEnvelope, rule.code, rule.sampleMessage));
}

export function sendProviderError(reply: FastifyReply, providerId: string, errorType: ErrorType, cause?: StoreConfigCause, status?: number): FastifyReply {
  return send(reply, providerId, ruleFor(providerId, errorType, cause), status);
}

export function sendCodeRejection(reply: FastifyReply, providerId: string, meaning: CodeRejection): FastifyReply {
  return send(reply, providerId, codeRejectionRule(providerId, meaning));
}

/** Only some providers have non-traditional (SSO-only) logins; elsewhere the flag means nothing. */
export const hasNonTraditionalLogin = (providerId: string): boolean => ruleFor(providerId, 'invalid_store_config', 'non_traditional_login') !== undefined;

// The sandbox answers each condition with the provider's own error from the catalogue, so the
// sandbox and the classification can never disagree.
import type { FastifyReply } from 'fastify';
import { codeRejectionRule, findProvider, ruleFor, type ErrorType, type StoreConfigCause } from '../providers/index.js';
import { wrapError } from '../connectors/error-envelopes.js';

export function sendProviderError(reply: FastifyReply, providerId: string, errorType: ErrorType, cause?: StoreConfigCause) {
  const provider = findProvider(providerId)!;
  const rule = ruleFor(providerId, errorType, cause) ?? ruleFor(providerId, 'invalid_store_config');
  const code = rule?.code ?? 'UNKNOWN';
  return reply.code(rule?.httpStatus ?? 400).send(wrapError(provider.errorEnvelope, code, rule?.sampleMessage ?? 'error'));
}

export function sendCodeRejection(reply: FastifyReply, providerId: string, meaning: 'invalid_code' | 'code_expired') {
  const provider = findProvider(providerId)!;
  const rule = codeRejectionRule(providerId, meaning);
  return reply.code(rule?.httpStatus ?? 401).send(wrapError(provider.errorEnvelope, rule?.code ?? meaning, rule?.sampleMessage ?? meaning));
}

/** The second-factor error type a provider uses (2FA or MFA). */
export function secondFactorType(providerId: string): ErrorType {
  return ruleFor(providerId, 'mfa_required') ? 'mfa_required' : 'two_factor_required';
}

// The providers' merchant login and store-status endpoints, each provider answering in its own
// words. Same paths for every provider; the connectors speak them.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { findProvider, secondFactorErrorType } from '../../core/providers/index.js';
import type { HeldRequests } from './held-requests.js';
import { hasNonTraditionalLogin, sendCodeRejection, sendProviderError } from './provider-errors.js';
import type { SandboxAccount } from './sandbox-account.js';
import type { ResolvedSandboxOptions } from './sandbox-options.js';
import type { SandboxState } from './sandbox-state.js';

export interface ProviderRoutesDeps {
  state: SandboxState;
  held: HeldRequests;
  options: ResolvedSandboxOptions;
}

interface ProviderRoute {
  Params: { provider: string };
  Body: unknown;
}

/** Provider bodies are read leniently, as a provider would: a missing field is an empty one. */
const field = (body: unknown, name: string): string => {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

const unknownProvider = (reply: FastifyReply, provider: string) =>
  reply.code(404).send({ error: 'unknown_provider', message: `The sandbox does not simulate "${provider}".` });

export function registerProviderRoutes(app: FastifyInstance, { state, held, options }: ProviderRoutesDeps): void {
  /** Latency and failure modes of an account apply to every provider endpoint; false when answered. */
  async function simulate(account: SandboxAccount, reply: FastifyReply): Promise<boolean> {
    if (account.latencyMs > 0 && (await held.hold(reply, account.latencyMs)) !== 'elapsed') {
      sendProviderError(reply, account.provider, 'provider_unavailable');
      return false;
    }
    if (account.failureMode === 'timeout') {
      await held.hold(reply, options.holdMs);
      sendProviderError(reply, account.provider, 'provider_unavailable', undefined, 504);
      return false;
    }
    if (account.failureMode === 'error') {
      sendProviderError(reply, account.provider, 'provider_unavailable');
      return false;
    }
    return true;
  }

  app.post<ProviderRoute>('/providers/:provider/login', async (request, reply) => {
    const { provider } = request.params;
    if (!findProvider(provider)) return unknownProvider(reply, provider);
    const username = field(request.body, 'username');
    const password = field(request.body, 'password');
    const accountRef = field(request.body, 'accountRef');
    const account = accountRef ? state.get(provider, accountRef) : state.findByUsername(provider, username);
    if (!account) return sendProviderError(reply, provider, 'invalid_credentials');
    if (!(await simulate(account, reply))) return reply;
    if (account.blocked) return sendProviderError(reply, provider, 'third_party_blocked');
    if (username !== account.username || password !== account.password) return sendProviderError(reply, provider, 'invalid_credentials');
    if (account.nonTraditionalLogin && hasNonTraditionalLogin(provider)) return sendProviderError(reply, provider, 'invalid_store_config', 'non_traditional_login');
    if (account.secondFactor !== 'none') return { challengeId: state.issueChallenge(account).id, channel: account.secondFactor };
    return { token: state.link(account) };
  });

  app.post<ProviderRoute>('/providers/:provider/login/verify', async (request, reply) => {
    const { provider } = request.params;
    if (!findProvider(provider)) return unknownProvider(reply, provider);
    const challenge = state.challenge(provider, field(request.body, 'challengeId'));
    const accountRef = challenge?.accountRef ?? field(request.body, 'accountRef');
    const account = state.get(provider, accountRef);
    if (account && !(await simulate(account, reply))) return reply;
    // Unknown, used or replaced by a newer login: the provider no longer knows that code.
    if (!challenge || !account) return sendCodeRejection(reply, provider, 'code_expired');
    if (Date.now() > challenge.expiresAt) {
      state.endChallenge(challenge);
      return sendCodeRejection(reply, provider, 'code_expired');
    }
    if (field(request.body, 'code') !== challenge.code) {
      challenge.attemptsLeft -= 1;
      if (challenge.attemptsLeft <= 0) state.endChallenge(challenge);
      return sendCodeRejection(reply, provider, 'invalid_code');
    }
    state.endChallenge(challenge);
    return { token: state.link(account) };
  });

  app.get<{ Params: { provider: string; accountRef: string } }>('/providers/:provider/accounts/:accountRef/status', async (request, reply) => {
    const { provider, accountRef } = request.params;
    if (!findProvider(provider)) return unknownProvider(reply, provider);
    if (request.headers.authorization !== `Bearer ${options.partnerKey}`) {
      return reply.code(401).send({ error: 'invalid_partner_key', message: 'The partner API key is missing or wrong.' });
    }
    const account = state.get(provider, accountRef);
    if (!account) return sendProviderError(reply, provider, 'invalid_store_config', 'store_not_found');
    if (!(await simulate(account, reply))) return reply;
    if (account.blocked) return sendProviderError(reply, provider, 'third_party_blocked');
    if (!account.linked) return sendProviderError(reply, provider, account.secondFactor === 'none' ? 'invalid_credentials' : secondFactorErrorType(provider));
    if (account.nonTraditionalLogin && hasNonTraditionalLogin(provider)) return sendProviderError(reply, provider, 'invalid_store_config', 'non_traditional_login');
    if (account.storeStatus === 'inactive') return sendProviderError(reply, provider, 'invalid_store_config', 'store_inactive');
    if (account.storeStatus === 'not_found') return sendProviderError(reply, provider, 'invalid_store_config', 'store_not_found');
    return { status: 'ok', stores: 'active' };
  });
}

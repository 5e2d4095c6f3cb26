// The provider sandbox: behaves like the 15 providers' merchant login and store-status endpoints,
// with a control API for tests and demos (SPEC section 8).
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { findProvider } from '../providers/index.js';
import { publicView, SandboxState, type SandboxAccount, type SandboxSettings } from './sandbox-state.js';
import { secondFactorType, sendCodeRejection, sendProviderError } from './provider-errors.js';

export interface SandboxOptions {
  codeTtlMs?: number;
  partnerKey?: string;
  logger?: boolean;
}

const SETTINGS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 320 },
    password: { type: 'string', minLength: 1, maxLength: 512 },
    secondFactor: { enum: ['none', 'sms', 'totp'] },
    blocked: { type: 'boolean' },
    storeStatus: { enum: ['active', 'inactive', 'not_found'] },
    nonTraditionalLogin: { type: 'boolean' },
    latencyMs: { type: 'integer', minimum: 0, maximum: 120000 },
    failureMode: { enum: ['none', 'timeout', 'error'] },
  },
} as const;

const ACCOUNT_PARAMS = { type: 'object', properties: { provider: { type: 'string' }, accountRef: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['provider', 'accountRef'] } as const;

export function buildSandbox(options: SandboxOptions = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, ajv: { customOptions: { allErrors: true } } });
  const state = new SandboxState(options.codeTtlMs ?? Number(process.env.SANDBOX_CODE_TTL_MS ?? 5 * 60_000));
  const partnerKey = options.partnerKey ?? process.env.SANDBOX_PARTNER_KEY ?? 'sandbox-partner-key';
  const pending = new Set<() => void>();

  app.setErrorHandler((error: { validation?: { instancePath: string; message?: string; params?: Record<string, unknown> }[]; statusCode?: number; message: string }, _request, reply) => {
    if (error.validation) {
      const first = error.validation[0];
      const field = first?.instancePath.replace(/^\//, '') || String(first?.params?.additionalProperty ?? first?.params?.missingProperty ?? 'body');
      return reply.code(400).send({ error: 'invalid_field', field, message: `${field} ${first?.message ?? 'is invalid'}` });
    }
    return reply.code(error.statusCode ?? 500).send({ error: 'sandbox_error', message: error.message });
  });

  /** Holds the request like a provider that does not answer; released when the sandbox closes. */
  const hang = (reply: FastifyReply) =>
    new Promise<void>((resolve) => {
      const release = () => {
        pending.delete(release);
        resolve();
      };
      pending.add(release);
      setTimeout(release, 30_000).unref();
    }).then(() => reply.code(504).send({ error: 'gateway_timeout' }));
  app.addHook('onClose', async () => {
    for (const release of [...pending]) release();
  });

  const known = (provider: string, reply: FastifyReply) => {
    if (findProvider(provider)) return true;
    void reply.code(404).send({ error: 'unknown_provider', message: `The sandbox does not simulate "${provider}".` });
    return false;
  };

  // ------------------------------------------------------------- control API
  app.put<{ Params: { provider: string; accountRef: string }; Body: SandboxSettings }>(
    '/sandbox/accounts/:provider/:accountRef',
    { schema: { params: ACCOUNT_PARAMS, body: SETTINGS_SCHEMA } },
    async (request, reply) => {
      if (!known(request.params.provider, reply)) return reply;
      return publicView(state.upsert(request.params.provider, request.params.accountRef, request.body ?? {}));
    },
  );
  app.get<{ Params: { provider: string; accountRef: string } }>('/sandbox/accounts/:provider/:accountRef', async (request, reply) => {
    const account = state.get(request.params.provider, request.params.accountRef);
    return account ? publicView(account) : reply.code(404).send({ error: 'unknown_account' });
  });
  app.delete<{ Params: { provider: string; accountRef: string } }>('/sandbox/accounts/:provider/:accountRef', async (request, reply) =>
    state.delete(request.params.provider, request.params.accountRef) ? reply.code(204).send() : reply.code(404).send({ error: 'unknown_account' }),
  );
  app.get<{ Params: { provider: string; accountRef: string } }>('/sandbox/accounts/:provider/:accountRef/last-code', async (request, reply) => {
    const code = state.get(request.params.provider, request.params.accountRef)?.lastCode;
    return code ?? reply.code(404).send({ error: 'no_code_sent' });
  });
  app.post('/sandbox/reset', async () => {
    state.reset();
    return { reset: true };
  });

  // ------------------------------------------------------------- provider endpoints
  /** Latency and failure modes apply to every provider endpoint of an account. */
  async function simulate(account: SandboxAccount | undefined, providerId: string, reply: FastifyReply): Promise<boolean> {
    if (!account) return true;
    if (account.latencyMs > 0) await new Promise((r) => setTimeout(r, account.latencyMs));
    if (account.failureMode === 'timeout') {
      await hang(reply);
      return false;
    }
    if (account.failureMode === 'error') {
      sendProviderError(reply, providerId, 'provider_unavailable');
      return false;
    }
    return true;
  }

  app.post<{ Params: { provider: string }; Body: { accountRef?: string; username?: string; password?: string } }>('/providers/:provider/login', async (request, reply) => {
    const { provider } = request.params;
    if (!known(provider, reply)) return reply;
    const { accountRef = '', username = '', password = '' } = request.body ?? {};
    const account = state.get(provider, accountRef);
    if (!(await simulate(account, provider, reply))) return reply;
    if (!account) return sendProviderError(reply, provider, 'invalid_credentials');
    if (account.blocked) return sendProviderError(reply, provider, 'third_party_blocked');
    if (username !== (account.username ?? account.accountRef) || password !== account.password) return sendProviderError(reply, provider, 'invalid_credentials');
    if (account.nonTraditionalLogin) return sendProviderError(reply, provider, 'invalid_store_config', 'non_traditional_login');
    if (account.secondFactor !== 'none') return { ...state.issueChallenge(account), channel: account.secondFactor };
    account.linked = true;
    return { token: `tok_${account.accountRef}` };
  });

  app.post<{ Params: { provider: string }; Body: { accountRef?: string; challengeId?: string; code?: string } }>('/providers/:provider/login/verify', async (request, reply) => {
    const { provider } = request.params;
    if (!known(provider, reply)) return reply;
    const { accountRef = '', challengeId = '', code = '' } = request.body ?? {};
    const account = state.get(provider, accountRef);
    if (!(await simulate(account, provider, reply))) return reply;
    const challenge = account?.challenge;
    if (!account || !challenge || challenge.id !== challengeId) return sendProviderError(reply, provider, secondFactorType(provider));
    if (Date.now() > challenge.expiresAt) return sendCodeRejection(reply, provider, 'code_expired');
    if (code !== challenge.code) return sendCodeRejection(reply, provider, 'invalid_code');
    account.challenge = null;
    account.linked = true;
    return { token: `tok_${account.accountRef}` };
  });

  app.get<{ Params: { provider: string; accountRef: string } }>('/providers/:provider/accounts/:accountRef/status', async (request, reply) => {
    const { provider, accountRef } = request.params;
    if (!known(provider, reply)) return reply;
    if (request.headers.authorization !== `Bearer ${partnerKey}`) return reply.code(401).send({ error: 'invalid_partner_key' });
    const account = state.get(provider, accountRef);
    if (!(await simulate(account, provider, reply))) return reply;
    if (!account) return sendProviderError(reply, provider, 'invalid_store_config', 'store_not_found');
    if (account.blocked) return sendProviderError(reply, provider, 'third_party_blocked');
    if (!account.linked) return sendProviderError(reply, provider, account.secondFactor === 'none' ? 'invalid_credentials' : secondFactorType(provider));
    if (account.nonTraditionalLogin) return sendProviderError(reply, provider, 'invalid_store_config', 'non_traditional_login');
    if (account.storeStatus === 'inactive') return sendProviderError(reply, provider, 'invalid_store_config', 'store_inactive');
    if (account.storeStatus === 'not_found') return sendProviderError(reply, provider, 'invalid_store_config', 'store_not_found');
    return { status: 'ok', stores: 'active' };
  });

  return app;
}

// The control API tests and demos use to set up provider accounts (SPEC section 8).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { findProvider, PROVIDERS } from '../../core/providers/index.js';
import { accountView, FAILURE_MODES, SECOND_FACTORS, STORE_STATUSES, type AccountSettings } from './sandbox-account.js';
import type { SandboxState } from './sandbox-state.js';

const ACCOUNT_SETTINGS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 320 },
    password: { type: 'string', minLength: 1, maxLength: 512 },
    secondFactor: { type: 'string', enum: SECOND_FACTORS },
    blocked: { type: 'boolean' },
    storeStatus: { type: 'string', enum: STORE_STATUSES },
    nonTraditionalLogin: { type: 'boolean' },
    latencyMs: { type: 'integer', minimum: 0, maximum: 120_000 },
    failureMode: { type: 'string', enum: FAILURE_MODES },
    linked: { type: 'boolean' },
  },
} as const;

const ACCOUNT_PARAMS_SCHEMA = {
  type: 'object',
  required: ['provider', 'accountRef'],
  properties: { provider: { type: 'string' }, accountRef: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

interface AccountRoute {
  Params: { provider: string; accountRef: string };
}

function unknownProvider(reply: FastifyReply, provider: string): FastifyReply {
  const known = PROVIDERS.map((p) => p.id).join(', ');
  return reply.code(404).send({ error: 'unknown_provider', message: `The sandbox does not simulate "${provider}". It simulates: ${known}.` });
}

const unknownAccount = (reply: FastifyReply, { provider, accountRef }: AccountRoute['Params']) =>
  reply.code(404).send({ error: 'unknown_account', message: `No ${provider} account "${accountRef}" in the sandbox; create it with PUT first.` });

export function registerControlRoutes(app: FastifyInstance, state: SandboxState): void {
  app.put<AccountRoute & { Body: AccountSettings | undefined }>(
    '/sandbox/accounts/:provider/:accountRef',
    {
      schema: { params: ACCOUNT_PARAMS_SCHEMA, body: ACCOUNT_SETTINGS_SCHEMA },
      // Before validation: an unknown provider is a 404 whatever the body, and no body means defaults.
      preValidation: async (request, reply) => {
        if (!findProvider(request.params.provider)) return unknownProvider(reply, request.params.provider);
        request.body ??= {};
      },
    },
    async (request) => accountView(state.upsert(request.params.provider, request.params.accountRef, request.body ?? {})),
  );

  app.get<AccountRoute>('/sandbox/accounts/:provider/:accountRef', { schema: { params: ACCOUNT_PARAMS_SCHEMA } }, async (request, reply) => {
    const account = state.get(request.params.provider, request.params.accountRef);
    return account ? accountView(account) : unknownAccount(reply, request.params);
  });

  app.delete<AccountRoute>('/sandbox/accounts/:provider/:accountRef', { schema: { params: ACCOUNT_PARAMS_SCHEMA } }, async (request, reply) =>
    state.delete(request.params.provider, request.params.accountRef) ? reply.code(204).send() : unknownAccount(reply, request.params),
  );

  app.get<AccountRoute>('/sandbox/accounts/:provider/:accountRef/last-code', { schema: { params: ACCOUNT_PARAMS_SCHEMA } }, async (request, reply) => {
    const account = state.get(request.params.provider, request.params.accountRef);
    if (!account) return unknownAccount(reply, request.params);
    return account.lastCode ?? reply.code(404).send({ error: 'no_code_sent', message: 'No verification code was sent to this account yet.' });
  });

  app.get('/sandbox/accounts', async () => ({ accounts: state.list().map(accountView) }));

  app.post('/sandbox/reset', async () => {
    state.reset();
    return { reset: true };
  });
}

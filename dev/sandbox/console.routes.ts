// The sandbox console: in demos it plays the merchant's own side of a provider — the login they
// remember, the code their phone received, and the provider's merchant portal where a store is
// switched back on. A fake provider's page, so it shows the demo password; production never has it.
import type { FastifyInstance } from 'fastify';
import { findProvider } from '../../core/providers/index.js';
import type { SandboxAccount } from './sandbox-account.js';
import type { SandboxState } from './sandbox-state.js';

const escape = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const nameOf = (provider: string) => findProvider(provider)?.name ?? provider;
const path = (a: Pick<SandboxAccount, 'provider' | 'accountRef'>) => `/console/${encodeURIComponent(a.provider)}/${encodeURIComponent(a.accountRef)}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · Provider sandbox</title>
<style>body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1d2430}main{max-width:44rem;margin:0 auto;padding:1rem}section{background:#fff;border:1px solid #d5dbe3;border-radius:10px;padding:1rem 1.25rem;margin:0 0 1rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:0}dt{font-weight:600}dd{margin:0 0 .5rem}button{font:inherit;font-weight:600;background:#0b57d0;color:#fff;border:0;border-radius:8px;padding:.5rem 1rem;min-height:44px;cursor:pointer}
.code{font-size:2rem;letter-spacing:.3rem;font-weight:700}a{color:#0b57d0}.note{color:#4a5566}form{display:inline-block;margin:.25rem .5rem .25rem 0}</style></head>
<body><main><p class="note">Provider sandbox: a stand-in for the delivery providers in development and tests.</p>${body}</main></body></html>`;
}

const action = (a: SandboxAccount, settings: Record<string, string>, label: string) =>
  `<form method="post" action="${path(a)}">${Object.entries(settings).map(([k, v]) => `<input type="hidden" name="${k}" value="${escape(v)}">`).join('')}<button type="submit">${escape(label)}</button></form>`;

function accountPage(a: SandboxAccount): string {
  const name = nameOf(a.provider);
  const code = a.lastCode ? `<p class="code" aria-label="Last code">${escape(a.lastCode.code)}</p><p class="note">Sent ${escape(a.lastCode.sentAt)}</p>` : '<p>No code sent yet. Enter the login in Repair first: the provider then sends one.</p>';
  return page(
    `${name} ${a.accountRef}`,
    `<h1>${escape(name)} · ${escape(a.accountRef)}</h1>
<section aria-labelledby="login"><h2 id="login">Your login (what the merchant remembers)</h2><dl><dt>Username</dt><dd>${escape(a.username)}</dd><dt>Password</dt><dd>${escape(a.password)}</dd><dt>Two-step verification</dt><dd>${escape(a.secondFactor)}</dd></dl></section>
<section aria-labelledby="phone"><h2 id="phone">Your phone (the last verification code)</h2>${code}<p><a href="${path(a)}">Refresh</a></p></section>
<section aria-labelledby="portal"><h2 id="portal">${escape(name)} merchant portal</h2><dl><dt>Store status</dt><dd>${escape(a.storeStatus)}</dd><dt>Integration session</dt><dd>${a.linked ? 'connected' : 'ended (the integration must sign in again)'}</dd></dl>
${a.storeStatus === 'active' ? action(a, { storeStatus: 'inactive' }, 'Pause the store') : action(a, { storeStatus: 'active' }, 'Activate the store')}
${a.linked ? action(a, { linked: 'false' }, 'End the integration’s session') : ''}</section>
<p><a href="/console">All sandbox accounts</a></p>`,
  );
}

export function registerConsoleRoutes(app: FastifyInstance, state: SandboxState): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));

  app.get('/console', async (_request, reply) => {
    const rows = state.list().map((a) => `<li><a href="${path(a)}">${escape(nameOf(a.provider))} · ${escape(a.accountRef)}</a> — store ${escape(a.storeStatus)}, ${a.linked ? 'connected' : 'session ended'}</li>`);
    return reply.type('text/html; charset=utf-8').send(page('Accounts', `<h1>Sandbox accounts</h1>${rows.length ? `<ul>${rows.join('')}</ul>` : '<p>No account yet.</p>'}`));
  });

  app.get<{ Params: { provider: string; accountRef: string } }>('/console/:provider/:accountRef', async (request, reply) => {
    const account = state.get(request.params.provider, request.params.accountRef);
    if (!account) return reply.code(404).type('text/html; charset=utf-8').send(page('Not found', '<h1>No such sandbox account</h1><p><a href="/console">All sandbox accounts</a></p>'));
    return reply.type('text/html; charset=utf-8').send(accountPage(account));
  });

  // Only what the console's buttons send; anything else is refused.
  app.post<{ Params: { provider: string; accountRef: string }; Body: Record<string, string> }>(
    '/console/:provider/:accountRef',
    { schema: { body: { type: 'object', additionalProperties: false, properties: { storeStatus: { type: 'string', enum: ['active', 'inactive'] }, linked: { type: 'string', enum: ['false'] } } } } },
    async (request, reply) => {
      const { provider, accountRef } = request.params;
      if (!state.get(provider, accountRef)) return reply.code(404).send({ error: 'unknown_account' });
      const { storeStatus, linked } = request.body;
      state.upsert(provider, accountRef, { ...(storeStatus ? { storeStatus: storeStatus as 'active' | 'inactive' } : {}), ...(linked ? { linked: false } : {}) });
      return reply.redirect(path({ provider, accountRef }), 303);
    },
  );
}

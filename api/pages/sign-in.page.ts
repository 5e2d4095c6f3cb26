// Signing in to the merchant pages: signed links (from alerts, or minted by a backend for its
// logged-in user) in every environment; picking a user of an organization in development only.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Type } from '@fastify/type-provider-typebox';
import type { AppConfig } from '../../core/config/config.js';
import { Org, Repair, User } from '../../core/db/entities/index.js';
import { verifyLink } from '../../core/secrets/repair-links.js';
import { isShortCode, resolveShortLink } from '../../core/secrets/short-links.js';
import { CLOSED_STATES, type RepairState } from '../../workflows/repair/repair-rules.js';
import { hasPermission } from '../../core/services/registry/permissions.js';
import { Id } from '../schemas/common.schemas.js';
import { LineText } from '../schemas/text.schemas.js';
import { formHandling, seeOther, text } from './page-forms.js';
import { renderPage } from './page-layout.js';
import { maySeeRepair, safeNext, signOut, startSession } from './merchant-session.js';
import { SIGN_IN_LIMIT } from './rate-limits.js';


export const signInPages: FastifyPluginAsync<{ config: AppConfig; linkKeys: Buffer[] }> = async (app, { config, linkKeys }) => {
  app.get<{ Querystring: { next?: string; orgId?: string } }>('/sign-in', { schema: { hide: true } }, async (request, reply) => {
    const next = safeNext(request.query.next);
    const orgs = config.pages.devSignIn ? await devChoices(request.em, request.query.orgId) : [];
    return renderPage(request, reply, 'sign-in', { devSignIn: config.pages.devSignIn, next, orgs }, { titleKey: 'page.signIn.title', withoutContactsDialog: true });
  });

  if (config.pages.devSignIn) {
    app.post(
      '/sign-in',
      {
        schema: { hide: true, body: Type.Object({ userId: Id('usr'), next: Type.Optional(LineText({ maxLength: 500 })) }, { additionalProperties: false }) },
        preValidation: formHandling(app, (form) => ({ userId: text(form, 'userId'), next: text(form, 'next') })),
        config: { rateLimit: SIGN_IN_LIMIT },
      },
      async (request, reply) => {
        const { userId, next } = request.body as { userId: string; next?: string };
        if (!(await request.em.findOne(User, { id: userId }))) return seeOther(reply, '/sign-in');
        await startSession(request, { userId }, config.pages.sessionTtlSeconds);
        return seeOther(reply, safeNext(next));
      },
    );
  }

  app.post('/sign-out', { schema: { hide: true }, preValidation: formHandling(app, () => ({})) }, async (request, reply) => {
    await signOut(request);
    return seeOther(reply, '/sign-in');
  });

  // The token is the whole credential: it is redacted from logs and the address bar is cleaned by the redirect.
  // It is a signed link (e-mail, tickets, backends) or an SMS's short code for one; an unknown code and
  // an expired one get the same page, and every try counts against the client's rate limit.
  app.get<{ Params: { token: string } }>('/r/:token', { schema: { hide: true }, config: { rateLimit: SIGN_IN_LIMIT } }, async (request, reply) => {
    const { token } = request.params;
    const claims = isShortCode(token) ? await resolveShortLink(request.em, token) : verifyLink(linkKeys, token);
    const repair = claims?.repairId ? await request.em.findOne(Repair, { id: claims.repairId }) : null;
    const user = claims?.userId ? await request.em.findOne(User, { id: claims.userId }) : null;
    const valid = claims && (!claims.repairId || repair) && (!claims.userId || user) && (!repair || !user || repair.org === user.org);
    if (!valid) return linkRefused(request, reply, 'invalid');
    // A repair that has closed needs no one any more: its link signs nobody in.
    if (repair && CLOSED_STATES.includes(repair.state as RepairState)) return linkRefused(request, reply, 'finished');
    const target = repair ? `/repairs/${repair.id}` : '/';
    // Whoever may already see the target keeps their session (a full sign-in is not narrowed by an alert's link).
    const alreadyIn = user ? request.merchant?.user.id === user.id && (repair ? maySeeRepair(request, repair) : !request.merchant.repairScope) : repair && maySeeRepair(request, repair);
    // A link naming a repair opens that repair only (see docs/decisions.md, "Merchant pages").
    if (!alreadyIn) await startSession(request, { ...(user ? { userId: user.id } : {}), ...(repair ? { repairId: repair.id } : {}) }, config.pages.sessionTtlSeconds);
    return seeOther(reply, target);
  });
};

/** A link that opens nothing (altered, expired, or its repair closed): a page saying so, no session. */
function linkRefused(request: FastifyRequest, reply: FastifyReply, kind: 'invalid' | 'finished') {
  const titleKey = `page.link.${kind}.title`;
  return renderPage(request, reply, 'error', { titleKey, bodyKey: `page.link.${kind}.body`, actionKey: 'page.signIn.title', href: '/sign-in' }, { titleKey, withoutContactsDialog: true }, 410);
}

/** Development: the organizations (or one) with their users, and what each may do. */
async function devChoices(em: EntityManager, orgId?: string) {
  const orgs = orgId ? await em.find(Org, { id: orgId }) : await em.find(Org, {}, { orderBy: { createdAt: 'asc' }, limit: 20 });
  const users = await em.find(User, { org: { $in: orgs.map((o) => o.id) } }, { orderBy: { createdAt: 'asc' } });
  return orgs.map((org) => ({
    id: org.id,
    name: org.name,
    users: users
      .filter((u) => u.org === org.id)
      .slice(0, 20)
      .map((u) => ({ id: u.id, label: u.name ?? u.email, roleKey: hasPermission(u, 'integrations:reconnect') ? 'page.signIn.role.manager' : 'page.signIn.role.viewer' })),
  }));
}

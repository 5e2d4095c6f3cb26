// Who is looking at the merchant pages: a signed-in user of an organization (fully, or scoped to the
// one repair a link opened), or a guest who opened one repair from a link that named no user. The
// session lives in the database so it can be ended; the encrypted, httpOnly cookie carries its id.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MerchantSession, Org, User, type OrgRow, type UserRow } from '../../core/db/entities/index.js';
import { newId } from '../../core/db/ids.js';
import { pickLocale, type Locale } from '../../core/providers/index.js';
import type { ActionOutcome } from '../../workflows/repair/repair-rules.js';

export interface Merchant {
  user: UserRow;
  org: OrgRow;
  /** The one repair this session may see and act on (opened from a link naming it); null when fully signed in. */
  repairScope: string | null;
}

/** What an action answered, shown once on the next page (post/redirect/get). */
export interface Flash {
  repairId: string;
  outcome: ActionOutcome | 'moved_on';
  codeExpired?: boolean;
  remindAt?: string;
  /** Typed again into the form after a refused login (never the password). */
  username?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    merchant: Merchant | null;
    /** A repair opened from a link without a user: readable, not actionable. */
    guestRepairId: string | null;
  }
}

/** The session as a bag of our own keys (the plugin types it for none). */
const session = (request: FastifyRequest) => request.session as unknown as { get(key: string): unknown; set(key: string, value: unknown): void };
const read = <T>(request: FastifyRequest, key: string) => session(request).get(key) as T | undefined;

/** Loads the session's user and organization; an ended, expired or unknown session, or a user who no longer exists, is signed out. */
export async function loadMerchant(request: FastifyRequest): Promise<void> {
  const sessionId = read<string>(request, 'sessionId');
  if (!sessionId) return;
  const row = await request.em.findOne(MerchantSession, { id: sessionId, endedAt: null, expiresAt: { $gt: new Date() } });
  if (!row) return request.session.delete();
  if (!row.userId) {
    request.guestRepairId = row.repairId ?? null;
    return;
  }
  const user = await request.em.findOne(User, { id: row.userId });
  const org = user ? await request.em.findOne(Org, { id: user.org }) : null;
  if (!user || !org) return request.session.delete();
  request.merchant = { user, org, repairScope: row.repairId ?? null };
}

/**
 * A new session (no fixation: the language choice survives, nothing else): the user's, scoped to the
 * repair when one is named, or a guest's for that repair when no user is.
 */
export async function startSession(request: FastifyRequest, opening: { userId?: string; repairId?: string }, ttlSeconds: number): Promise<void> {
  const id = newId('ses');
  await request.em.insert(MerchantSession, { id, userId: opening.userId ?? null, repairId: opening.repairId ?? null, expiresAt: new Date(Date.now() + ttlSeconds * 1000), endedAt: null, createdAt: new Date() });
  request.session.regenerate(['locale']);
  session(request).set('sessionId', id);
}

/** Ends this session server-side too, so a copy of the cookie no longer opens anything. */
export async function signOut(request: FastifyRequest): Promise<void> {
  const sessionId = read<string>(request, 'sessionId');
  if (sessionId) await request.em.nativeUpdate(MerchantSession, { id: sessionId, endedAt: null }, { endedAt: new Date() });
  request.session.delete();
}

/** Whether the person looking may open this repair: its organization's user (within their scope) or its guest. */
export function maySeeRepair(request: FastifyRequest, repair: { id: string; org: string }): boolean {
  const merchant = request.merchant;
  if (merchant) return merchant.org.id === repair.org && (!merchant.repairScope || merchant.repairScope === repair.id);
  return request.guestRepairId === repair.id;
}

/** For routes that need a signed-in user: everyone else goes to sign in and comes back. */
export async function requireMerchant(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.merchant) await reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
}

export const merchantOf = (request: FastifyRequest): Merchant => {
  if (!request.merchant) throw new Error('route needs requireMerchant');
  return request.merchant;
};

export function setFlash(request: FastifyRequest, flash: Flash): void {
  session(request).set('flash', flash);
}

/** The flash for this repair, once. */
export function takeFlash(request: FastifyRequest, repairId?: string): Flash | null {
  const flash = read<Flash>(request, 'flash');
  if (!flash || (repairId && flash.repairId !== repairId)) return null;
  session(request).set('flash', undefined);
  return flash;
}

/** A one-time message for pages other than a repair's ("Contact details saved"). */
export interface Notice {
  key: string;
  tone: 'info' | 'ok';
  values?: Record<string, string>;
}

export function setNotice(request: FastifyRequest, notice: Notice): void {
  session(request).set('notice', notice);
}

export function takeNotice(request: FastifyRequest): Notice | null {
  const notice = read<Notice>(request, 'notice');
  if (!notice) return null;
  session(request).set('notice', undefined);
  return { values: {}, ...notice };
}

export function chooseLocale(request: FastifyRequest, locale: Locale): void {
  session(request).set('locale', locale);
}

export const chosenLocale = (request: FastifyRequest): Locale | undefined => {
  const value = read<string>(request, 'locale');
  return value ? pickLocale([value]) : undefined;
};

/** Only paths of our own site: never an open redirect. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[\w\-./?=&%~#]*$/.test(next) && next.length <= 500 ? next : '/';
}

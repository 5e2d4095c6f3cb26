// Who is looking at the merchant pages: a signed-in user of an organization, or a guest who opened
// one repair from a link that named no user. Kept in an encrypted, httpOnly session cookie.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Org, User, type OrgRow, type UserRow } from '../../db/entities/index.js';
import { pickLocale, type Locale } from '../../providers/index.js';
import type { ActionOutcome } from '../../workflows/repair-rules.js';

export interface Merchant {
  user: UserRow;
  org: OrgRow;
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

/** Loads the session's user and organization; a user who no longer exists is signed out. */
export async function loadMerchant(request: FastifyRequest): Promise<void> {
  request.guestRepairId = read<string>(request, 'guestRepairId') ?? null;
  const userId = read<string>(request, 'userId');
  if (!userId) return;
  const user = await request.em.findOne(User, { id: userId });
  const org = user ? await request.em.findOne(Org, { id: user.org }) : null;
  if (!user || !org) {
    request.session.delete();
    return;
  }
  request.merchant = { user, org };
}

/** A new session for the user (no fixation): the language choice survives, nothing else. */
export function signIn(request: FastifyRequest, userId: string): void {
  request.session.regenerate(['locale']);
  session(request).set('userId', userId);
}

export function signInAsGuest(request: FastifyRequest, repairId: string): void {
  request.session.regenerate(['locale', 'userId']);
  session(request).set('guestRepairId', repairId);
}

export function signOut(request: FastifyRequest): void {
  request.session.delete();
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

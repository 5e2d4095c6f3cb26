// What every merchant page shares: its language, the navigation, the language switcher, the CSRF
// token for its forms, and the mandatory contact-details dialog while the organization's are incomplete.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LOCALES, pickLocale, type Locale } from '../../core/providers/index.js';
import { getContacts } from '../../core/services/contacts/contacts.service.js';
import { confirmDialogModel, contactsDialogModel } from './contacts-dialog.js';
import { chosenLocale, takeNotice } from './merchant-session.js';

export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español', fr: 'Français', it: 'Italiano', pt: 'Português' };

export type NavItem = 'home' | 'integrations' | 'contacts' | 'closures' | 'help' | 'support';
const NAV: { item: NavItem; href: string; signedIn: boolean }[] = [
  { item: 'home', href: '/', signedIn: true },
  { item: 'integrations', href: '/settings/integrations', signedIn: true },
  { item: 'contacts', href: '/settings/contacts', signedIn: true },
  { item: 'closures', href: '/settings/closures', signedIn: true },
  { item: 'help', href: '/help', signedIn: false },
  { item: 'support', href: '/support', signedIn: false },
];

export interface PageOptions {
  /** Message key of the page title. */
  titleKey: string;
  titleValues?: Record<string, string | number>;
  nav?: NavItem;
  /** Pages that stay reachable while contacts are incomplete (repairs, the contacts form, help). */
  withoutContactsDialog?: boolean;
}

/** The chosen language, else the user's, else the browser's, else the organization's, else English. */
export function pageLocale(request: FastifyRequest): Locale {
  return pickLocale([chosenLocale(request), request.merchant?.user.locale, ...request.languages(), request.merchant?.org.locale]);
}

function withLocale(url: string, locale: Locale): string {
  const [path = '/', query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  params.set('locale', locale);
  return `${path}?${params.toString()}`;
}

export async function layoutModel(request: FastifyRequest, reply: FastifyReply, options: PageOptions) {
  const locale = pageLocale(request);
  const merchant = request.merchant;
  // A session scoped to one repair sees neither the organization's pages nor its contact details.
  const wholeOrg = Boolean(merchant && !merchant.repairScope);
  const contacts = merchant && wholeOrg && !options.withoutContactsDialog ? await getContacts(request.em, merchant.org.id, request.server.pageSettings.contactsConfirmEveryDays) : null;
  return {
    locale,
    timezone: merchant?.org.timezone ?? 'UTC',
    titleKey: options.titleKey,
    titleValues: options.titleValues ?? {},
    csrfToken: reply.generateCsrf(),
    languages: LOCALES.map((code) => ({ code, name: LANGUAGE_NAMES[code], current: code === locale, href: withLocale(request.url, code) })),
    homeHref: merchant?.repairScope ? `/repairs/${merchant.repairScope}` : '/',
    merchant: merchant ? { name: merchant.user.name ?? merchant.user.email, orgName: merchant.org.name } : null,
    nav: NAV.filter((n) => wholeOrg || !n.signedIn).map((n) => ({ key: `page.nav.${n.item}`, href: n.href, current: n.item === options.nav })),
    notice: takeNotice(request),
    // Texts about tickets quote the configured policy, never numbers of their own.
    ticketPolicy: { hours: request.server.pageSettings.firstResponseHours, closeHours: request.server.pageSettings.autoCloseHours },
    contactsDialog: merchant && contacts && !contacts.complete ? await contactsDialogModel(request.em, merchant, contacts.missing) : null,
    // Complete but not confirmed for too long: the same mandatory dialog asks whether they are still right.
    confirmDialog: merchant && contacts?.confirmation.due ? await confirmDialogModel(request.em, merchant, contacts, request.url, request.server.pageSettings.contactsConfirmEveryDays) : null,
  };
}

/** Renders `templates/pages/<template>.hbs` inside the layout. */
export async function renderPage(request: FastifyRequest, reply: FastifyReply, template: string, page: object, options: PageOptions, status = 200) {
  const layout = await layoutModel(request, reply, options);
  return reply
    .code(status)
    .header('content-language', layout.locale)
    .header('cache-control', 'no-store')
    .view(`${template}.hbs`, { ...layout, page });
}

/** A fragment for live refresh: no layout, same language and helpers. */
export function renderFragment(request: FastifyRequest, reply: FastifyReply, template: string, page: object) {
  const locale = pageLocale(request);
  return reply.header('cache-control', 'no-store').view(`${template}.hbs`, { locale, timezone: request.merchant?.org.timezone ?? 'UTC', csrfToken: reply.generateCsrf(), page });
}

// A ticket's subject is read by the merchant in the ticket list and by support: a sentence in the
// organization's language with the provider's name, never the raw codes the repair stores.
import { translate } from '../../i18n/index.js';
import { ERROR_TYPES, findProvider } from '../../providers/index.js';

const HOUR = 3600_000;

const providerName = (code: string) => findProvider(code)?.name ?? code;

/** "Uber Eats: the sign-in details are no longer accepted" — a merchant asked for help. */
export function helpSubject(locale: string, repair: { provider: string; errorType?: string | null }): string {
  // An error type the texts do not know reads as the generic sentence rather than as its code.
  const problem = (ERROR_TYPES as readonly string[]).includes(repair.errorType ?? '') ? repair.errorType! : 'other';
  return translate(locale, 'support_ticket.subject.help', { provider: providerName(repair.provider), problem });
}

/** "Repair handed to support: Uber Eats has been disconnected for 2 days" — the repair escalated. */
export function escalationSubject(locale: string, repair: { provider: string; openedAt: Date }, now = new Date()): string {
  const hours = Math.max(1, Math.floor((now.getTime() - repair.openedAt.getTime()) / HOUR));
  const duration = hours >= 48 ? { unit: 'days', count: Math.floor(hours / 24) } : { unit: 'hours', count: hours };
  return translate(locale, 'support_ticket.subject.escalated', { provider: providerName(repair.provider), ...duration });
}

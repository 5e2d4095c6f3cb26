// The support ticket policy as help texts quote it. The configured policy (TICKET_FIRST_RESPONSE_
// BUSINESS_HOURS, TICKET_AUTO_CLOSE_MS) is the one source: the app sets it here at start, and articles
// and assistant replies fill `{firstResponseHours}` and `{autoCloseHours}` from it, never a number of their own.
import { TICKET_DEFAULTS } from '../../core/config/config.js';

export interface TicketPolicyText {
  firstResponseHours: number;
  autoCloseHours: number;
}

let policy: TicketPolicyText | undefined;

/** Called by the app with its configuration, before any help text is read. */
export function useTicketPolicy(next: TicketPolicyText): void {
  policy = next;
}

/** The policy the app was started with; before that (a unit test of the help library alone), the configuration's defaults. */
export const ticketPolicy = (): TicketPolicyText => policy ?? ticketPolicyOf(TICKET_DEFAULTS);

export const ticketPolicyOf = (tickets: { firstResponseBusinessHours: number; autoCloseAfterMs: number }): TicketPolicyText => ({
  firstResponseHours: tickets.firstResponseBusinessHours,
  autoCloseHours: Math.round(tickets.autoCloseAfterMs / 3_600_000),
});

export const fillPolicy = (text: string): string => {
  const p = ticketPolicy();
  return text.replaceAll('{firstResponseHours}', String(p.firstResponseHours)).replaceAll('{autoCloseHours}', String(p.autoCloseHours));
};

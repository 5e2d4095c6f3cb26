// Every alert message comes from a Handlebars template under templates/, in the recipient's
// language: e-mail (HTML and plain text), SMS, and the printed ticket (text lines and a preview).
import { pickLocale, translate } from '../i18n/index.js';
import type { AlertData, Channel, MessageKind, RenderedMessage } from './message-data.js';
import { messageView, smsView, type MessageView } from './message-view.js';
import { template } from './template-engine.js';
import { TICKET_WIDTH, wrapTicketLines } from './ticket-lines.js';

export { TICKET_WIDTH, wrapTicketLines } from './ticket-lines.js';
export type { AlertData, Channel, MessageKind, RenderedMessage, RepairLine, StoreLine, TemplateKind } from './message-data.js';

/** Which e-mail layout each kind uses: one repair, a mass outage, or news that needs no action. */
const EMAIL_LAYOUT: Record<MessageKind, 'single' | 'grouped' | 'status-update'> = {
  action_needed: 'single',
  action_needed_grouped: 'grouped',
  reminder: 'single',
  escalated_emergency: 'single',
  escalated_support: 'single',
  support_requested: 'single',
  reconnected: 'status-update',
  provider_issue: 'status-update',
};

const tidy = (text: string) => text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();

function renderEmail(view: MessageView & { subject: string }): RenderedMessage {
  const layout = EMAIL_LAYOUT[view.kind];
  return { subject: view.subject, html: template(`email/${layout}.html.hbs`)(view), text: tidy(template(`email/${layout}.txt.hbs`)(view)) };
}

function renderSms(view: MessageView): RenderedMessage {
  const text = template(`sms/${view.kind.replaceAll('_', '-')}.hbs`)(smsView(view));
  return { text: text.replace(/\s+/g, ' ').trim() };
}

function renderTicket(view: MessageView & { subject: string }): RenderedMessage {
  const text = wrapTicketLines(tidy(template('ticket/alert.txt.hbs')(view)));
  const html = template('ticket/preview.html.hbs')({ locale: view.locale, timezone: view.timezone, kind: view.kind, kindValues: view.kindValues, subject: view.subject, text, link: view.actionable ? view.link : null, width: TICKET_WIDTH + 2 });
  return { subject: view.subject, text, html };
}

/** The message of `kind` for `channel` in `locale` (any tag; unsupported ones fall back to English). */
export function renderMessage(kind: MessageKind, channel: Channel, locale: string, data: AlertData): RenderedMessage {
  const view = messageView(kind, pickLocale([locale]), data);
  const subject = translate(view.locale, `alert.subject.${kind}`, view.kindValues);
  if (channel === 'sms') return renderSms(view);
  if (channel === 'ticket') return renderTicket({ ...view, subject });
  return renderEmail({ ...view, subject });
}

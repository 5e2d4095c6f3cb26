// Every alert message comes from a Handlebars template under templates/, in the recipient's
// language: e-mail (HTML and plain text), SMS, WhatsApp (an approved template and its variables), and
// the printed ticket (text lines and a preview).
import { pickLocale, translate } from '../core/i18n/index.js';
import type { AlertData, Channel, TemplateKind, RenderedAlert } from './alert-data.js';
import { alertView, smsView, type AlertView } from './alert-view.js';
import { template } from './template-engine.js';
import { TICKET_WIDTH, wrapTicketLines } from './ticket-lines.js';
import { stripUnsafe } from './text-hygiene.js';
import { smsText } from './sms-text.js';
import { renderWhatsApp } from './whatsapp/whatsapp-templates.js';

export { TICKET_WIDTH, wrapTicketLines } from './ticket-lines.js';
export type { AlertData, Channel, RenderedAlert, RepairLine, StoreLine, TemplateKind } from './alert-data.js';

/** Which e-mail layout each kind uses: one repair, a mass outage, or news that needs no action. */
const EMAIL_LAYOUT: Record<TemplateKind, 'single' | 'grouped' | 'status-update'> = {
  action_needed: 'single',
  action_needed_grouped: 'grouped',
  reminder: 'single',
  escalated_emergency: 'single',
  escalated_support: 'single',
  support_requested: 'single',
  reconnected: 'status-update',
  provider_issue: 'status-update',
  acknowledged: 'status-update',
};

/** Trailing blanks off every line (a loop: `/[ \t]+$/gm` backtracks quadratically on long runs of spaces), at most one blank line in a row. */
const tidy = (text: string) =>
  text
    .split('\n')
    .map((line) => {
      let end = line.length;
      while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
      return line.slice(0, end);
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

function renderEmail(view: AlertView & { subject: string }): RenderedAlert {
  const layout = EMAIL_LAYOUT[view.kind];
  return { subject: stripUnsafe(view.subject, { keepLines: false }), html: stripUnsafe(template(`email/${layout}.html.hbs`)(view)), text: tidy(stripUnsafe(template(`email/${layout}.txt.hbs`)(view))) };
}

function renderSms(view: AlertView): RenderedAlert {
  return { text: smsText(template(`sms/${view.kind.replaceAll('_', '-')}.hbs`)(smsView(view))) };
}

function renderTicket(view: AlertView & { subject: string }): RenderedAlert {
  const text = wrapTicketLines(tidy(stripUnsafe(template('ticket/alert.txt.hbs')(view))));
  const html = template('ticket/preview.html.hbs')({ locale: view.locale, timezone: view.timezone, kind: view.kind, kindValues: view.kindValues, subject: view.subject, text, link: view.actionable ? view.link : null, width: TICKET_WIDTH + 2 });
  return { subject: stripUnsafe(view.subject, { keepLines: false }), text, html: stripUnsafe(html) };
}

/** The message of `kind` for `channel` in `locale` (any tag; unsupported ones fall back to English). */
export function renderAlert(kind: TemplateKind, channel: Channel, locale: string, data: AlertData): RenderedAlert {
  const view = alertView(kind, pickLocale([locale]), data);
  const subject = translate(view.locale, `alert.subject.${kind}`, view.kindValues);
  if (channel === 'sms') return renderSms(view);
  if (channel === 'whatsapp') return renderWhatsApp(view);
  if (channel === 'ticket') return renderTicket({ ...view, subject });
  return renderEmail({ ...view, subject });
}
